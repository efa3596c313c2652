import Foundation
import SandboxHTTP
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

/// Requests signed the way partners sign them, by the `openssl` command (a second implementation
/// of RSA) with the demo partner key unless told otherwise.
enum SignedRequest {
    static let demoKey = Repository.path("keys/demo-partner-private.pem")
    static let demoPartner = "2014000014442"

    static func rsa(_ text: String, key: String = demoKey) throws -> String {
        Data(try Shell.opensslSign(Array(text.utf8), privateKeyPath: key)).base64EncodedString()
    }

    /// SNAP asymmetric: `POST:path:hash(signedBody):X-TIMESTAMP`, sending `sentBody`.
    static func snap(
        path: String = "/v1.0/emoney/account-inquiry.htm", sentBody: String, signedBody: String? = nil,
        partner: String = demoPartner, timestamp: String, externalID: String = UUID().uuidString.prefix(32).description,
        key: String = demoKey, headers extra: [(String, String)] = []
    ) throws -> HTTPRequest {
        let hash = SHA256.hexDigest(Array((signedBody ?? sentBody).utf8))
        var headers: HTTPHeaders = [
            "Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-PARTNER-ID": partner,
            "X-EXTERNAL-ID": externalID, "CHANNEL-ID": "95221",
        ]
        headers.add("X-SIGNATURE", try rsa("POST:\(path):\(hash):\(timestamp)", key: key))
        for (name, value) in extra { headers.set(name, value) }
        return HTTPRequest(method: .post, target: path, headers: headers, body: Array(sentBody.utf8))
    }

    /// SNAP symmetric: HMAC-SHA512 by the `openssl` command, with a B2B token.
    static func snapSymmetric(
        path: String = "/v1.0/emoney/account-inquiry.htm", body: String, token: String, secret: String = demoPartner,
        partner: String = demoPartner, timestamp: String
    ) throws -> HTTPRequest {
        let hash = SHA256.hexDigest(Array(body.utf8))
        let message = "POST:\(path):\(token):\(hash):\(timestamp)"
        let mac = try Shell.run("/usr/bin/openssl", ["dgst", "-sha512", "-hmac", secret, "-binary"], input: Array(message.utf8))
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", "Authorization": "Bearer \(token)", "X-TIMESTAMP": timestamp,
            "X-SIGNATURE": Data(mac).base64EncodedString(), "X-PARTNER-ID": partner,
            "X-EXTERNAL-ID": UUID().uuidString.prefix(32).description, "CHANNEL-ID": "95221",
        ]
        return HTTPRequest(method: .post, target: path, headers: headers, body: Array(body.utf8))
    }

    static func b2b(partner: String = demoPartner, timestamp: String, key: String = demoKey, body: String = #"{"grantType":"client_credentials","additionalInfo":{}}"#) throws -> HTTPRequest {
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-CLIENT-KEY": partner,
            "X-SIGNATURE": try rsa("\(partner)|\(timestamp)", key: key),
        ]
        return HTTPRequest(method: .post, target: "/v1.0/access-token/b2b.htm", headers: headers, body: Array(body.utf8))
    }

    /// An Open API envelope whose `request` member is exactly `requestText`, signed over it.
    static func openAPI(path: String, requestText: String, key: String = demoKey, envelope: ((String, String) -> String)? = nil) throws -> HTTPRequest {
        let signature = try rsa(requestText, key: key)
        let body = envelope?(requestText, signature) ?? "{\"request\":\(requestText),\"signature\":\"\(signature)\"}"
        return HTTPRequest(method: .post, target: path, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    /// A compact Open API `request` text as dana-node writes it.
    static func openAPIRequestText(
        function: String, body: String, clientID: String = demoPartner, secret: String? = nil, reqTime: String,
        accessToken: String? = nil, reqMsgId: String = "1234567asdfasdf1123fda"
    ) -> String {
        var head = #"{"version":"2.0","function":"\#(function)","clientId":"\#(clientID)","clientSecret":"\#(secret ?? clientID)","reqTime":"\#(reqTime)","reqMsgId":"\#(reqMsgId)""#
        if let accessToken { head += #","accessToken":"\#(accessToken)""# }
        head += #","reserve":"{}"}"#
        return "{\"head\":\(head),\"body\":\(body)}"
    }

    static func paylabs(
        sentBody: String, signedBody: String? = nil, merchant: String = "010001", requestID: String? = nil,
        timestamp: String, key: String = demoKey
    ) throws -> HTTPRequest {
        let hash = SHA256.hexDigest(Array((signedBody ?? sentBody).utf8))
        let body = try? JSONScanner.parse(Array(sentBody.utf8))
        let headers: HTTPHeaders = [
            "Content-Type": "application/json;charset=utf-8", "X-TIMESTAMP": timestamp,
            "X-SIGNATURE": try rsa("POST:/dana/v1/sub/querysubtrans:\(hash):\(timestamp)", key: key),
            "X-PARTNER-ID": merchant, "X-REQUEST-ID": requestID ?? body?["requestId"]?.stringValue ?? "req",
        ]
        return HTTPRequest(method: .post, target: "/dana/v1/sub/querysubtrans", headers: headers, body: Array(sentBody.utf8))
    }
}
