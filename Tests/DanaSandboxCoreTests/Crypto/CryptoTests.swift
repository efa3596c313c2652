import Foundation
import Synchronization
import XCTest
import SandboxTestSupport
@testable import DanaSandboxCore
@testable import SandboxJSON
@testable import SandboxCrypto
@testable import SandboxSupport
@testable import SandboxStorage
@testable import DanaSandboxAPIs

final class CryptoTests: XCTestCase {
    private let privatePath = Repository.path("keys/demo-partner-private.pem")
    private let publicPath = Repository.path("keys/demo-partner-public.pem")
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Repository.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Digests

    func testSHA256_MatchesTheReferenceVectors() {
        let minified = #"{"partnerReferenceNo":"2020102900000000000001","balanceTypes":["BALANCE"],"additionalInfo":{"accessToken":"fa8sjjEj813Y9JGoqwOeOPWbnt4CUpvIJbU1mMU4a11MNDZ7Sg5u9a"}}"#
        XCTAssertEqual(SHA256.hexDigest(bytes(minified)), "e9295c3253c05560273ff305d9eea6abf77fff65229bf90b1781383c09c29d98")
        XCTAssertEqual(SHA256.hexDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testHMACSHA512_MatchesTheReferenceVector() {
        let stringToSign = "POST:/v1.0/emoney/account-inquiry.htm:demo-b2b-token:b987286f35184764281425a3e34d6106d6b76454670ad869462b24f83a2e9721:2022-11-30T09:45:35+07:00"
        let code = HMACSHA512.authenticationCode(key: bytes("2014000014442"), message: bytes(stringToSign))
        XCTAssertEqual(Data(code).base64EncodedString(), "tPrQIysXHaYxjfgCLUbvTDRheJq04Thqu7e2tsx8Tbjf4tDe6wmVOR82ZkPX5tK3XQ2ABVFJbkxupBJL4NLIfw==")
    }

    func testHMACSHA512_MatchesTheOpenSSLCommand() throws {
        let message = bytes("any message: José")
        let expected = try Shell.run("/usr/bin/openssl", ["dgst", "-sha512", "-hmac", "secret-key", "-binary"], input: message)
        XCTAssertEqual(HMACSHA512.authenticationCode(key: bytes("secret-key"), message: message), expected)
    }

    func testHMACSHA512_WithAnEmptyKeyOrMessage_MatchesPython() throws {
        // The empty key takes OpenSSL's one-shot path, the others a duplicated EVP_MAC context.
        let script = "import hmac, hashlib, sys; k, m = sys.argv[1].encode(), sys.argv[2].encode(); sys.stdout.buffer.write(hmac.new(k, m, hashlib.sha512).digest())"
        for (key, message) in [("", "message"), ("secret", ""), ("", "")] {
            let expected = try Shell.run("/usr/bin/python3", ["-c", script, key, message])
            XCTAssertEqual(HMACSHA512.authenticationCode(key: bytes(key), message: bytes(message)), expected, "key '\(key)', message '\(message)'")
        }
    }

    func testHMACSHA512_FromManyThreadsAtOnce_GivesTheSameCode() {
        let expected = HMACSHA512.authenticationCode(key: bytes("secret-key"), message: bytes("message"))
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let key = Array("secret-key".utf8), message = Array("message".utf8)
            if HMACSHA512.authenticationCode(key: key, message: message) != expected { mismatches.withLock { $0 += 1 } }
            _ = HMACSHA512.authenticationCode(key: Array("other-\(index)".utf8), message: message)
        }
        XCTAssertEqual(mismatches.withLock { $0 }, 0)
    }

    func testRandomText_UsesOnlyTheAlphabet_AndReachesAllOfIt() {
        var seen = Set<Character>()
        for _ in 0..<200 {
            let text = RandomText.make(22, from: RandomText.upperAlphanumeric)
            XCTAssertEqual(text.count, 22)
            XCTAssertTrue(text.allSatisfy { RandomText.upperAlphanumeric.contains($0) }, text)
            seen.formUnion(text)
        }
        XCTAssertEqual(seen, Set(RandomText.upperAlphanumeric))
        XCTAssertEqual(RandomText.make(0, from: RandomText.digits), "")
        XCTAssertNotEqual(RandomText.make(32, from: RandomText.hex), RandomText.make(32, from: RandomText.hex))
    }

    // MARK: - RSA

    func testSignatureMadeByTheOpenSSLCommand_Verifies() throws {
        // given
        let message = bytes("POST:/dana/v1/sub/querysubtrans:e077bb9b1f88d46ba5bb0e722b898bde8a2ec6a73ee7076c1ce984775f2cdd97:2022-09-16T16:58:47.964+07:00")
        let signature = try Shell.opensslSign(message, privateKeyPath: privatePath)
        // when
        let key = try RSAPublicKey(pem: try read(publicPath))
        // then
        XCTAssertEqual(signature.count, 256)
        XCTAssertTrue(key.verify(signature: signature, message: message))
        XCTAssertFalse(key.verify(signature: signature, message: message + [0x20]), "another message must not verify")
        var flipped = signature
        flipped[10] ^= 1
        XCTAssertFalse(key.verify(signature: flipped, message: message), "a damaged signature must not verify")
        XCTAssertFalse(key.verify(signature: [1, 2, 3], message: message))
    }

    func testOurSignature_IsByteIdenticalToTheOpenSSLCommands() throws {
        // RSA PKCS#1 v1.5 is deterministic, so both implementations must give the same bytes.
        let message = bytes("2014000014442|2022-11-30T09:45:35+07:00")
        let ours = try RSAPrivateKey(pem: try read(privatePath)).sign(message)
        XCTAssertEqual(ours, try Shell.opensslSign(message, privateKeyPath: privatePath))
    }

    func testOurSignature_VerifiesWithTheOpenSSLCommand() throws {
        let message = bytes("{\"response\":…}")
        let signature = try RSAPrivateKey(pem: try read(privatePath)).sign(message)
        let signatureFile = folder.appendingPathComponent("sig")
        try Data(signature).write(to: signatureFile)
        let output = try Shell.run("/usr/bin/openssl", ["dgst", "-sha256", "-verify", publicPath, "-signature", signatureFile.path], input: message)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "Verified OK\n")
    }

    func testPKCS1PEMs_AreAccepted_AsWellAsPKCS8() throws {
        // given: the same keys converted by openssl to PKCS#1
        let rsaPublic = try Shell.run("/usr/bin/openssl", ["rsa", "-pubin", "-in", publicPath, "-RSAPublicKey_out"])
        let rsaPrivate = try Shell.run("/usr/bin/openssl", ["pkey", "-in", privatePath, "-traditional"])
        XCTAssertTrue(String(decoding: rsaPublic, as: UTF8.self).hasPrefix("-----BEGIN RSA PUBLIC KEY-----"))
        XCTAssertTrue(String(decoding: rsaPrivate, as: UTF8.self).hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        // when
        let publicKey = try RSAPublicKey(pem: String(decoding: rsaPublic, as: UTF8.self))
        let privateKey = try RSAPrivateKey(pem: String(decoding: rsaPrivate, as: UTF8.self))
        // then
        let message = bytes("hello")
        XCTAssertTrue(publicKey.verify(signature: try privateKey.sign(message), message: message))
        XCTAssertEqual(publicKey.fingerprint, try RSAPublicKey(pem: try read(publicPath)).fingerprint)
    }

    func testPublicHalf_OfThePrivateKey_IsThePublishedKey() throws {
        let privateKey = try RSAPrivateKey(pem: try read(privatePath))
        XCTAssertEqual(privateKey.publicKey.pem, try read(publicPath))
    }

    func testFingerprint_IsTheSHA256OfTheDERKey() throws {
        let der = try Shell.run("/usr/bin/openssl", ["pkey", "-pubin", "-in", publicPath, "-outform", "DER"])
        let key = try RSAPublicKey(pem: try read(publicPath))
        XCTAssertEqual(key.derBytes, der)
        XCTAssertEqual(key.fingerprint, "SHA256:" + SHA256.hexDigest(der))
    }

    func testGarbage_IsRejectedWithAReason() {
        XCTAssertThrowsError(try RSAPublicKey(pem: "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n")) { error in
            XCTAssertTrue("\(error)".contains("not an RSA public key"), "\(error)")
        }
        XCTAssertThrowsError(try RSAPrivateKey(pem: "nothing"))
    }

    func testNonRSAPrivateKey_IsRejected() throws {
        let ec = try Shell.run("/usr/bin/openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"])
        XCTAssertThrowsError(try RSAPrivateKey(pem: String(decoding: ec, as: UTF8.self))) { error in
            XCTAssertEqual((error as? CryptoError)?.message, "the private key is not an RSA key")
        }
    }
}
