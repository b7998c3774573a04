import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

func printError(_ message: String) {
    Console.error(message)
}

// Exit codes: 0 success; 1 a script failed (message, position and traceback on stderr); 2 bad
// input or usage (argument-parser's own usage errors, which it would report as 64, become 2).
do {
    var command = try Redress.parseAsRoot()
    try command.run()
} catch let error as LuaError {
    printError("redress: \(error)")
    exit(1)
} catch let error as DateError {
    printError("redress: \(error): \(error.reason)")
    exit(2)
} catch let error where error is UsageError || error is CalendarError || error is PolicyError
                        || error is StoreError || error is FileError
                        || error is CSVError || error is InputError {
    // Bad input: each of these names the value or field at fault.
    printError("redress: \(error)")
    exit(2)
} catch {
    let code = Redress.exitCode(for: error)
    let message = Redress.fullMessage(for: error)
    if code.isSuccess {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { printError(message) }
    exit(code == .validationFailure ? 2 : code.rawValue)
}
