import Foundation
import DanaSandboxAPIs
import SandboxHTTP
import SandboxJSON
import SandboxStorage

/// `POST /sandbox/fixtures` creates or replaces records of any kind in one transaction and lists
/// what was written; `GET /sandbox/fixtures/{kind}[/{id}]` reads them back; `DELETE
/// /sandbox/fixtures/{kind}/{id}` removes one. With `X-Sandbox-Session`, in that session alone.
public struct FixturesHandler: Sendable {
    public static let path = "/sandbox/fixtures"

    let databases: SessionDatabases
    let now: @Sendable () -> Date

    public init(databases: SessionDatabases, now: @escaping @Sendable () -> Date) {
        self.databases = databases
        self.now = now
    }

    public func write(_ request: HTTPRequest) -> Reply {
        do {
            let batch = try FixtureDocument.parse(request.body, now: now())
            let fixtures = FixtureStore(store: try databases.store(for: request.sandboxSession))
            try fixtures.write(batch)
            return .respond(.json(.ok, JSONValue.fields(["written": try Self.written(batch, in: fixtures)]).text))
        } catch let error as FixtureError {
            return .respond(.jsonError(.badRequest, message: error.message))
        } catch let error as FixtureWriteError {
            return .respond(.jsonError(.badRequest, message: "\(error.field): \(error.expected); nothing was written"))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "fixtures not written: \(error)"))
        }
    }

    /// Each kind written, its records as now stored (defaults filled in).
    static func written(_ batch: FixtureBatch, in fixtures: FixtureStore) throws -> JSONValue {
        let ids: [(FixtureStore.Kind, [String])] = [
            (.partners, batch.partners.map(\.clientID)), (.paylabsMerchants, batch.paylabsMerchants.map(\.clientID)),
            (.merchants, batch.merchants.map(\.merchantID)), (.users, batch.users.map(\.customerNumber)),
            (.customerTokens, batch.customerTokens.map(\.token)), (.stores, batch.stores.map(\.storeID)),
            (.subscriptions, batch.subscriptions.map(\.subscriptionID)), (.transactions, batch.transactions.map(\.platformTradeNo)),
        ]
        var members: [JSONMember] = []
        for (kind, keys) in ids where !keys.isEmpty {
            let records = try keys.flatMap { try fixtures.records(kind, id: $0) }
            members.append(JSONMember(key: kind.rawValue, value: .array(records.map(FixtureRendering.json))))
        }
        return .object(members)
    }

    public func read(_ request: HTTPRequest) -> Reply {
        route(request) { kind, id, fixtures in
            let records = try fixtures.records(kind, id: id)
            if let id {
                guard let record = records.first else { return .respond(.jsonError(.notFound, message: "no \(kind.rawValue) \(id)")) }
                return .respond(.json(.ok, FixtureRendering.json(record).text))
            }
            return .respond(.json(.ok, JSONValue.fields([kind.rawValue: .array(records.map(FixtureRendering.json))]).text))
        }
    }

    public func delete(_ request: HTTPRequest) -> Reply {
        route(request) { kind, id, fixtures in
            guard let id else { return .respond(.jsonError(.methodNotAllowed, message: "DELETE takes one record: /sandbox/fixtures/\(kind.rawValue)/{id}")) }
            do {
                guard try fixtures.delete(kind, id: id) else { return .respond(.jsonError(.notFound, message: "no \(kind.rawValue) \(id)")) }
            } catch let error as SQLiteError where error.isConstraintViolation {
                return .respond(.jsonError(.conflict, message: "\(kind.rawValue) \(id) is still used by other records (\(error.message)); remove those first"))
            }
            return .respond(.json(.ok, JSONValue.fields(["deleted": .fields([kind.rawValue: .string(id)])]).text))
        }
    }

    /// `/sandbox/fixtures/{kind}[/{id}]` taken apart, with the request's session's fixtures.
    private func route(_ request: HTTPRequest, _ body: (FixtureStore.Kind, String?, FixtureStore) throws -> Reply) -> Reply {
        let parts = request.path.dropFirst(Self.path.count + 1).split(separator: "/", maxSplits: 1).map(String.init)
        guard let name = parts.first, let kind = FixtureStore.Kind(rawValue: name) else {
            let kinds = FixtureStore.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            return .respond(.jsonError(.notFound, message: "\(request.path) names no fixture kind; the kinds are \(kinds)"))
        }
        do {
            return try body(kind, parts.count > 1 ? parts[1] : nil, FixtureStore(store: try databases.store(for: request.sandboxSession)))
        } catch {
            return .respond(.jsonError(.internalServerError, message: "fixtures: \(error)"))
        }
    }
}
