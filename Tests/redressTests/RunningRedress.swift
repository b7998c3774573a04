import Foundation

/// A `redress` process left running in the background, its output collected as it comes, for
/// tests of two processes on one store at once.
final class RunningRedress: @unchecked Sendable {
    let process = Process()
    private let out = Pipe()
    private let lock = NSLock()
    private var collected = ""

    /// Starts `redress arguments` (stderr discarded).
    init(_ arguments: [String]) throws {
        process.executableURL = Redress.binary
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [unowned self] handle in
            let data = handle.availableData
            lock.lock()
            collected += String(decoding: data, as: UTF8.self)
            lock.unlock()
        }
        try process.run()
    }

    /// What it has printed so far.
    var printed: String {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    /// Waits (up to `seconds`) until it has printed `text`; true if it has.
    func wait(for text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if printed.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    /// Waits for it to exit; its exit status.
    func finish() -> Int32 {
        process.waitUntilExit()
        // Let the handler take the last output before it is removed.
        Thread.sleep(forTimeInterval: 0.1)
        out.fileHandleForReading.readabilityHandler = nil
        return process.terminationStatus
    }
}
