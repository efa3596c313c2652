import DanaSandboxAPIs
import DanaSandboxCore
import Foundation

// parse → build → run → wait for a signal → drain → exit 0

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("dana-sandbox: \(message)\n".utf8))
    exit(status)
}

let command: Command
do {
    command = try Command.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
} catch {
    fail("\(error.message)\n\(Usage.hint(for: error.topic))", status: 2)
}

switch command {
case .help(let topic):
    print(topic.map(Usage.text(for:)) ?? Usage.text)
case .version:
    print("dana-sandbox \(Usage.version)")
case .initialize(let folder):
    do {
        let written = try BuiltInDefaults.write(to: folder)
        print("wrote \(written.count) files to \(folder): seed.sql, scenarios/, keys/")
        print("serve them with: dana-sandbox serve --seed \(folder)/seed.sql --scenarios \(folder)/scenarios --keys \(folder)/keys")
    } catch {
        fail(error.message, status: 1)
    }
case .checkScenarios(let folder):
    let source = folder.map(ScenarioSource.folder) ?? BuiltInDefaults.scenarios
    switch source.load() {
    case .success(let scenarios):
        print("\(scenarios.count) scenarios in \(folder ?? "the built-in library") are valid")
    case .failure(let failure):
        for error in failure.errors { FileHandle.standardError.write(Data("dana-sandbox: \(error)\n".utf8)) }
        exit(1)
    }
case .destinationInquiry(let options):
    do {
        let (output, conformant) = try DestinationInquiryCommand.run(options)
        print(output)
        exit(conformant ? 0 : 1)
    } catch {
        fail(error.message, status: 1)
    }
case .sign(let options):
    do {
        print(try RequestSigner.run(options))
    } catch {
        fail(error.message, status: 1)
    }
case .serve(let options):
    // Installed before the listener opens, so a signal during start-up is still graceful.
    let signals = SignalHandling()
    let application: SandboxApplication
    do {
        application = try SandboxApplication(options: options, logger: .standardError(format: options.logFormat))
        try application.start()
    } catch {
        fail(error.message, status: 1)
    }
    // Written straight to the descriptor: a CI script waits for this line, and stdio buffering
    // into a pipe would hold it back.
    FileHandle.standardOutput.write(Data((application.readyLine + "\n").utf8))
    signals.waitForStopSignal()
    application.stop()
}
exit(0)
