import RedressCalendar

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalDate {
    /// The system's local date (commands use `--as-of` instead when it is given).
    public static func today() -> LocalDate {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return LocalDate(dayNumber: LocalDate.dayNumber(year: Int(parts.tm_year) + 1900,
                                                         month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)))
    }
}
