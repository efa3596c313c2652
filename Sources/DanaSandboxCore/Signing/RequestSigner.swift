import Foundation

/// Signs a request as a partner would, for curl users: prints the headers to send (SNAP, B2B,
/// Paylabs) or the whole signed envelope (Open API). The body is signed exactly as given, so send
/// it byte for byte (`curl --data-binary`).
public enum RequestSigner {
    public static func run(_ options: SignOptions, now: Date = Date()) throws(StartupError) -> String {
        let body = try readBody(options)
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey(pem: try String(contentsOfFile: options.keyPath, encoding: .utf8))
        } catch let error as CryptoError {
            throw StartupError("unusable key \(options.keyPath): \(error.message)")
        } catch {
            throw StartupError("cannot read key \(options.keyPath): \(FileErrorReason.describe(error))")
        }
        do {
            switch options.family {
            case .snap: return try snap(options, body: body, key: key, now: now)
            case .b2b: return try b2b(options, key: key, now: now)
            case .openapi: return try openAPI(options, body: body, key: key, now: now)
            case .paylabs: return try paylabs(options, body: body, key: key, now: now)
            }
        } catch {
            throw StartupError("cannot sign: \(error.message)")
        }
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

    private static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    private static func headerLines(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
    }

    private static func snap(_ options: SignOptions, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now)
        let hash = SHA256.hexDigest(body)
        let externalID = options.externalID ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        if let token = options.b2bToken {
            let message = "POST:\(options.path!):\(token):\(hash):\(timestamp)"
            let signature = base64(HMACSHA512.authenticationCode(key: Array((options.secret ?? partner).utf8), message: Array(message.utf8)))
            return headerLines([
                "Content-Type": "application/json", "Authorization": "Bearer \(token)", "X-TIMESTAMP": timestamp,
                "X-SIGNATURE": signature, "X-PARTNER-ID": partner, "X-EXTERNAL-ID": externalID, "CHANNEL-ID": "95221",
            ])
        }
        let signature = base64(try key.sign(Array("POST:\(options.path!):\(hash):\(timestamp)".utf8)))
        return headerLines([
            "Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-SIGNATURE": signature,
            "X-PARTNER-ID": partner, "X-EXTERNAL-ID": externalID, "CHANNEL-ID": "95221",
        ])
    }

    private static func b2b(_ options: SignOptions, key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now)
        let signature = base64(try key.sign(Array("\(partner)|\(timestamp)".utf8)))
        return headerLines(["Content-Type": "application/json", "X-TIMESTAMP": timestamp, "X-CLIENT-KEY": partner, "X-SIGNATURE": signature])
    }

    private static func openAPI(_ options: SignOptions, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let partner = options.partner ?? "2014000014442"
        let head = JSONValue.fields([
            "version": "2.0",
            "function": .string(options.function!),
            "clientId": .string(partner),
            "clientSecret": .string(options.secret ?? partner),
            "reqTime": .string(options.timestamp ?? SignatureTimestamp.jakarta(now)),
            "reqMsgId": .string(UUID().uuidString.lowercased()),
            "accessToken": options.accessToken.map(JSONValue.string),
            "reserve": "{}",
        ])
        let trimmed = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let request = Array("{\"head\":\(head.text),\"body\":\(trimmed)}".utf8)
        let signature = base64(try key.sign(request))
        return "{\"request\":\(String(decoding: request, as: UTF8.self)),\"signature\":\"\(signature)\"}"
    }

    private static func paylabs(_ options: SignOptions, body: [UInt8], key: RSAPrivateKey, now: Date) throws(CryptoError) -> String {
        let parsed = try? JSONScanner.parse(body)
        let merchant = options.partner ?? parsed?["merchantId"]?.stringValue ?? "010001"
        let requestID = parsed?["requestId"]?.stringValue ?? UUID().uuidString
        let timestamp = options.timestamp ?? SignatureTimestamp.jakarta(now, milliseconds: true)
        let signature = base64(try key.sign(Array("POST:\(options.path!):\(SHA256.hexDigest(body)):\(timestamp)".utf8)))
        return headerLines([
            "Content-Type": "application/json;charset=utf-8", "X-TIMESTAMP": timestamp, "X-SIGNATURE": signature,
            "X-PARTNER-ID": merchant, "X-REQUEST-ID": requestID,
        ])
    }
}
