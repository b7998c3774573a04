#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming reader of CSV files (RFC 4180: fields quoted with `"`, quotes doubled inside,
/// line breaks inside quoted fields; LF or CRLF line ends; a UTF-8 byte-order mark skipped;
/// blank lines skipped). Each `next()` fills `bytes` and `ends` with one record's fields as
/// UTF-8, without making a String per field: field i is `bytes[start(i)..<ends[i]]`.
public final class CSVReader {
    public let path: String
    /// The record's bytes, field after field.
    public private(set) var bytes: [UInt8] = []
    /// Where each field of the record ends in `bytes`.
    public private(set) var ends: [Int] = []
    /// The record's row number, as a spreadsheet numbers it (the header is row 1). A record
    /// with line breaks inside quotes counts once.
    public private(set) var row = 0

    private let file: UnsafeMutablePointer<FILE>
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var position = 0
    private var filled = 0
    private var atEnd = false

    public init(path: String) throws(FileError) {
        guard let file = fopen(path, "rb") else {
            throw FileError(path: path, reason: String(cString: strerror(errno)))
        }
        self.path = path
        self.file = file
        try refill()
        if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    deinit {
        fclose(file)
    }

    /// The number of fields in the record.
    public var count: Int { ends.count }

    /// Where field `index` starts in `bytes`.
    @inline(__always)
    public func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

    /// Field `index` as text.
    public func field(_ index: Int) -> String {
        String(decoding: bytes[start(index)..<ends[index]], as: UTF8.self)
    }

    /// Whether field `index` is empty.
    public func isEmpty(_ index: Int) -> Bool { start(index) == ends[index] }

    /// Reads the next record; false at the end of the file.
    public func next() throws(CSVError) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        while true {
            guard let first = try peek() else { return false }
            // Skip blank lines between records.
            if first == 0x0A { position += 1; continue }
            if first == 0x0D { position += 1; continue }
            break
        }
        row += 1
        let startRow = row
        var quoted = false
        var fieldStarted = false
        while let byte = try peek() {
            position += 1
            if quoted {
                if byte == 0x22 {
                    if try peek() == 0x22 {
                        position += 1
                        bytes.append(0x22)
                    } else {
                        quoted = false
                    }
                } else {
                    bytes.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where !fieldStarted:
                quoted = true
                fieldStarted = true
            case 0x2C:
                ends.append(bytes.count)
                fieldStarted = false
            case 0x0A:
                ends.append(bytes.count)
                return true
            case 0x0D:
                if try peek() == 0x0A { position += 1 }
                ends.append(bytes.count)
                return true
            default:
                bytes.append(byte)
                fieldStarted = true
            }
        }
        if quoted {
            throw CSVError(path: path, row: startRow, message: "a quoted field is never closed (a \" is missing)")
        }
        ends.append(bytes.count)
        return true
    }

    @inline(__always)
    private func peek() throws(CSVError) -> UInt8? {
        if position < filled { return buffer[position] }
        if atEnd { return nil }
        do {
            try refill()
        } catch {
            throw CSVError(path: path, row: row, message: error.reason)
        }
        return position < filled ? buffer[position] : nil
    }

    private func refill() throws(FileError) {
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count < buffer.count {
            if ferror(file) != 0 { throw FileError(path: path, reason: String(cString: strerror(errno))) }
            atEnd = true
        }
        filled = count
        position = 0
    }
}

/// A CSV file that cannot be read as CSV: the file, the row, what is wrong.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let row: Int
    public let message: String

    public init(path: String, row: Int, message: String) {
        self.path = path
        self.row = row
        self.message = message
    }

    public var description: String { "\(path): row \(row): \(message)" }
}
