import Foundation
import SteadyCore

/// A file written for the share sheet.
public struct SharedFile: Equatable, Sendable {
    public let url: URL
    public let mimeType: String
    /// The uniform type identifier for the share sheet and the document picker.
    public let typeIdentifier: String
    public let byteCount: Int
}

/// Summary, calendar and backup files on their way to the share sheet, and backups coming back
/// from the document picker.
///
/// Files are written to one private folder (inside the app's temporary directory on iOS), with
/// complete data protection on iOS, under the name the core chose made safe for a file system
/// (no folders, no hidden files). The folder is emptied on every new export, when the diary
/// locks, and when the sharing is done, so no health data lingers outside the encrypted diary.
public final class ExportFileStore: @unchecked Sendable {
    /// The largest backup accepted from the document picker (the core caps backups at 64 MB).
    public static let maxBackupBytes = 64 * 1024 * 1024

    public let folder: URL
    private let lock = NSLock()

    public init(folder: URL) {
        self.folder = folder
    }

    /// Writes `file` (replacing any earlier export) and returns where it is.
    public func write(_ file: ExportFile) throws -> SharedFile {
        lock.lock()
        defer { lock.unlock() }
        try clearLocked()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(Self.safeName(file.fileName), isDirectory: false)
        #if os(iOS)
            try file.bytes.write(to: url, options: [.atomic, .completeFileProtection])
        #else
            try file.bytes.write(to: url, options: [.atomic])
        #endif
        return SharedFile(
            url: url, mimeType: file.mimeType, typeIdentifier: Self.typeIdentifier(mimeType: file.mimeType, name: file.fileName),
            byteCount: file.bytes.count)
    }

    /// Deletes every file written so far.
    public func clear() throws {
        lock.lock()
        defer { lock.unlock() }
        try clearLocked()
    }

    /// The files currently waiting in the folder.
    public func files() -> [URL] {
        lock.lock()
        defer { lock.unlock() }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    private func clearLocked() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else { return }
        for name in try manager.contentsOfDirectory(atPath: folder.path) {
            try manager.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Reads a backup the patient picked, refusing anything larger than a backup can be before
    /// reading it into memory.
    public static func readBackup(at url: URL) throws -> Data {
        let values = try url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
        guard values.isRegularFile != false else {
            throw SteadyError.BadBackup(detail: "not a file")
        }
        if let size = values.fileSize, size > maxBackupBytes {
            throw SteadyError.BadBackup(detail: "larger than \(maxBackupBytes) bytes")
        }
        let data = try Data(contentsOf: url)
        guard data.count <= maxBackupBytes else {
            throw SteadyError.BadBackup(detail: "larger than \(maxBackupBytes) bytes")
        }
        return data
    }

    /// The core's file name, as a plain name: no folder part, no leading dot, no control or
    /// reserved characters, at most 120 characters; "steady" if nothing is left.
    public static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let forbidden = CharacterSet(charactersIn: ":*?\"<>|").union(.controlCharacters).union(.newlines)
        var cleaned = String(String.UnicodeScalarView(last.unicodeScalars.map { forbidden.contains($0) ? "_" : $0 }))
        while cleaned.hasPrefix(".") {
            cleaned.removeFirst()
        }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if cleaned.count > 120 {
            let ext = (cleaned as NSString).pathExtension
            let keep = 120 - (ext.isEmpty ? 0 : ext.count + 1)
            cleaned = String(cleaned.prefix(keep)) + (ext.isEmpty ? "" : ".\(ext)")
        }
        return cleaned.isEmpty ? "steady" : cleaned
    }

    /// The uniform type identifier of a file the core made, from its MIME type (the name's
    /// extension decides between JSON and FHIR JSON, which share one).
    public static func typeIdentifier(mimeType: String, name: String) -> String {
        let base = mimeType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch base {
        case "application/pdf": return "com.adobe.pdf"
        case "text/csv": return "public.comma-separated-values-text"
        case "application/json", "application/fhir+json": return "public.json"
        case "text/calendar": return "com.apple.ical.ics"
        case "text/plain": return "public.plain-text"
        default: return "public.data"
        }
    }
}
