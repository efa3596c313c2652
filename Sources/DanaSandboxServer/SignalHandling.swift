import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into a graceful stop. The first signal wakes `waitForStopSignal`; a
/// second one means the user will not wait for the drain, so the process ends at once.
final class SignalHandling: Sendable {
    private let queue = DispatchQueue(label: "dana-sandbox.signals")
    private let received = DispatchSemaphore(value: 0)
    // Sources are cancelled when released; they live as long as this object.
    private nonisolated(unsafe) var sources: [DispatchSourceSignal] = []

    init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let count = SignalCounter()
        for number in signals {
            // Without SIG_IGN the default action (terminate) would run before the source fires.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [received] in
                if count.increment() == 1 {
                    received.signal()
                } else {
                    exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    func waitForStopSignal() {
        received.wait()
    }
}

/// Touched only on the signal queue.
private final class SignalCounter: @unchecked Sendable {
    private var value = 0
    func increment() -> Int {
        value += 1
        return value
    }
}
