import Foundation
import DanaSandboxAPIs
import SandboxCrypto
import SandboxJSON
import SandboxSupport

/// Signs a request as a partner would, for curl users: prints the headers to send (SNAP, B2B,
/// Paylabs) or the whole signed envelope (Open API). The body is signed exactly as given, so send
/// it byte for byte (`curl --data-binary`).
public enum RequestSigner {
    public static func run(_ options: SignOptions, now: Date = Date()) throws(StartupError) -> String {
        let body = try readBody(options)
        let key: RSAPrivateKey
        let keyName = options.keyPath ?? "built-in keys/demo-partner-private.pem"
        do {
            let pem = try options.keyPath.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? BuiltInDefaults.key("demo-partner-private.pem") ?? ""
            key = try RSAPrivateKey(pem: pem)
        } catch let error as CryptoError {
            throw StartupError("unusable key \(keyName): \(error.message)")
        } catch {
            throw StartupError("cannot read key \(keyName): \(FileErrorReason.describe(error))")
        }
        do {
            switch options.family {
            case .snap: return try snap(options, path: required(options.path, "--path"), body: body, key: key, now: now)
            case .b2b: return try b2b(options, key: key, now: now)
            case .openapi: return try openAPI(options, function: required(options.function, "--function"), body: body, key: key, now: now)
            case .paylabs: return try paylabs(options, path: required(options.path, "--path"), body: body, key: key, now: now)
            }
        } catch let error as StartupError {
            throw error
        } catch let error as CryptoError {
            throw StartupError("cannot sign: \(error.message)")
        } catch {
            throw StartupError("cannot sign: \(error)")
        }
    }

    /// A flag's value that `SignOptions.parse` already insisted on.
    private static func required(_ value: String?, _ flag: String) throws(StartupError) -> String {
        guard let value else { throw StartupError("sign needs \(flag)") }
        return value
    }

    private static func readBody(_ options: SignOptions) throws(StartupError) -> [UInt8] {
        if let text = options.body { return Array(text.utf8) }
        guard let file = options.bodyFile else { return [] }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            throw StartupError("cannot read body file \(file): \(FileErrorReason.describe(error))")
        }
    }

    private static func headerLines(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
    }

    private static func snap(_ options: SignOptions, path: String, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now)
        let hash = SHA256.hexDigest(body)
        let externalID = options.externalID ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if let token = options.b2bToken {
            let stringToSign = SNAPSignatureScheme.symmetric(method: "POST", path: path, token: token, bodyHash: hash, timestamp: timestamp)
            return headerLines([
                "Content-Type": "application/json", "Authorization": "Bearer \(token)", "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": SNAPSignatureScheme.authenticate(stringToSign, secret: options.secret ?? partner),
                "X-PARTNER-ID": partner, "X-EXTERNAL-ID": externalID, "CHANNEL-ID": "95221",
            ])
        }
        let stringToSign = SNAPSignatureScheme.asymmetric(method: "POST", path: path, bodyHash: hash, timestamp: timestamp)
        return headerLines([
            "Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-SIGNATURE": try SNAPSignatureScheme.sign(stringToSign, with: key),
            "X-PARTNER-ID": partner, "X-EXTERNAL-ID": externalID, "CHANNEL-ID": "95221",
        ])
    }

    private static func b2b(_ options: SignOptions, key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now)
        let signature = try SNAPSignatureScheme.sign(SNAPSignatureScheme.tokenRequest(clientKey: partner, timestamp: timestamp), with: key)
        return headerLines(["Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-CLIENT-KEY": partner, "X-SIGNATURE": signature])
    }

    private static func openAPI(_ options: SignOptions, function: String, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let head = JSONValue.fields([
            "version": "2.0",
            "function": .string(function),
            "clientId": .string(partner),
            "clientSecret": .string(options.secret ?? partner),
            "reqTime": .string(options.timestamp ?? SignatureTimestamp.jakarta(now)),
            "reqMsgId": .string(UUID().uuidString.lowercased()),
            "accessToken": options.accessToken.map(JSONValue.string),
            "reserve": "{}",
        ])
        let trimmed = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let request = Array("{\"head\":\(head.text),\"body\":\(trimmed)}".utf8)
        let envelope = OpenAPISignatureScheme.envelope("request", request, signature: try OpenAPISignatureScheme.sign(request, with: key))
        return String(decoding: envelope, as: UTF8.self)
    }

    private static func paylabs(_ options: SignOptions, path: String, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let parsed = try? JSONScanner.parse(body)
        let merchant = options.partner ?? parsed?["merchantId"]?.stringValue ?? "010001"
        let requestID = parsed?["requestId"]?.stringValue ?? UUID().uuidString
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now, milliseconds: true)
        let signature = try PaylabsSignatureScheme.sign(path: path, body: body, timestamp: timestamp, with: key)
        return headerLines([
            "Content-Type": "application/json;charset=utf-8", "X-TIMESTAMP": timestamp, "X-SIGNATURE": signature,
            "X-PARTNER-ID": merchant, "X-REQUEST-ID": requestID,
        ])
    }
}
