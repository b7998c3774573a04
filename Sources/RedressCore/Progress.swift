#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar with the count and the rate, drawn on standard error when it is a terminal and
/// silent otherwise (a cron job's log, a pipe, a test), so only people watching see it. Redrawn
/// at most ten times a second.
public final class Progress {
    public let label: String
    public let total: Int
    public private(set) var done = 0
    /// Whether it draws at all: standard error is a terminal.
    public let isShown: Bool
    private let started: Double
    private var lastDrawn: Double = 0
    private var visible = false

    /// A bar for `total` steps. `shown` defaults to whether standard error is a terminal.
    public init(_ label: String, total: Int, shown: Bool = isatty(2) != 0) {
        self.label = label
        self.total = total
        isShown = shown
        started = Progress.now()
    }

    /// Counts `steps` more done, redrawing when a tenth of a second has passed (or at the end).
    public func advance(by steps: Int = 1) {
        done += steps
        guard isShown else { return }
        let now = Progress.now()
        if now - lastDrawn >= 0.1 || done >= total {
            lastDrawn = now
            Console.write(2, "\r" + line(now: now) + "\u{1B}[K")
            visible = true
        }
    }

    /// Removes the bar from the screen (before printing a line of other output; the next
    /// `advance` draws it again).
    public func clear() {
        guard visible else { return }
        Console.write(2, "\r\u{1B}[K")
        visible = false
        lastDrawn = 0
    }

    /// Ends the bar: clears it.
    public func finish() {
        clear()
    }

    /// `label [#######.............]  35/100  12.5/s`
    public func line(now: Double) -> String {
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : width
        let elapsed = max(now - started, 0.001)
        let rate = Double(done) / elapsed
        let rateText = rate >= 100 ? String(Int(rate.rounded())) : String(Double(Int(rate * 10)) / 10)
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] \(done)/\(total) \(rateText)/s"
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
