import Foundation
import DanaSandboxAPIs
import SandboxHTTP
import SandboxSupport

/// `POST /sandbox/destination-inquiry` `{"url":…}`: plays DANA against a partner's endpoint and
/// answers 200 with the report whatever the verdict; 400 names a field that cannot be used. The
/// call runs on its own queue: the event loop serves other requests while the partner thinks.
public struct DestinationInquiryHandler: RequestHandler {
    public static let path = "/sandbox/destination-inquiry"

    let runner: DestinationInquiryRunner
    let journal: Journal
    let logger: Logger
    /// Concurrent: several inquiries may wait on slow partners at once.
    private let queue = DispatchQueue(label: "dana-sandbox.destination-inquiry", attributes: .concurrent)

    public init(runner: DestinationInquiryRunner, journal: Journal, logger: Logger) {
        self.runner = runner
        self.journal = journal
        self.logger = logger
    }

    public func handle(_ request: HTTPRequest) -> Reply {
        let order: DestinationInquiryOrder
        do {
            order = try DestinationInquiryOrder.parse(request.body)
        } catch {
            return .respond(.jsonError(.badRequest, message: error.message))
        }
        let session = request.sandboxSession
        return .deferred(DeferredReply { [runner, journal, logger, queue] complete in
            queue.async {
                do throws(DestinationInquiryOrder.OrderError) {
                    let report = try runner.run(order, session: session)
                    for probe in report.probes {
                        journal.record(probe.journalEntry)
                        logger.log(probe.conformant ? .info : .warning, "destination-inquiry", [
                            ("url", .string(order.url.description)), ("probe", .string(probe.name)),
                            ("http.status", probe.response.map { .number(String($0.status)) } ?? .string("-")),
                            ("violations", .number(String(probe.violations.count))), ("duration_ms", .number(probe.durationMilliseconds)),
                        ])
                    }
                    complete(.respond(.json(.ok, report.json.text)))
                } catch {
                    complete(.respond(.jsonError(.badRequest, message: error.message)))
                }
            }
        })
    }
}
