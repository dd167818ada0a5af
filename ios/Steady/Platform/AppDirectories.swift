import Foundation

/// The app's folders. The diary lives in Application Support/Diary, created with
/// `FileProtectionType.complete` (unreadable while the iPhone is locked) and excluded from iCloud
/// and computer backups: like its key, the diary stays on this device; moving it to a new phone is
/// the backup file's job. Scratch and export folders live in the temporary directory, also with
/// complete protection, and are emptied by SteadyKit.
enum AppDirectories {
    static func diary() throws -> URL {
        let manager = FileManager.default
        let support = try manager.url(for: .applicationSupportDirectory, in: .userDomainMask, appropriateFor: nil, create: true)
        return try prepared(support.appendingPathComponent("Diary", isDirectory: true), excludeFromBackup: true)
    }

    static func scratch() throws -> URL {
        try prepared(FileManager.default.temporaryDirectory.appendingPathComponent("Scratch", isDirectory: true), excludeFromBackup: true)
    }

    static func exports() throws -> URL {
        try prepared(FileManager.default.temporaryDirectory.appendingPathComponent("Share", isDirectory: true), excludeFromBackup: true)
    }

    private static func prepared(_ directory: URL, excludeFromBackup: Bool) throws -> URL {
        let manager = FileManager.default
        let protection: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.complete]
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: protection)
        // Also for a folder created by an earlier version; files created inside inherit the class.
        try manager.setAttributes(protection, ofItemAtPath: directory.path)
        var values = URLResourceValues()
        values.isExcludedFromBackup = excludeFromBackup
        var url = directory
        try url.setResourceValues(values)
        return url
    }
}
