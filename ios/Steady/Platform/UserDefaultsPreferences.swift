import Foundation
import SteadyKit

/// The app's two preferences (language for the words before the diary opens, app lock on/off) in
/// UserDefaults (required-reason API CA92.1 in PrivacyInfo.xcprivacy). Never health data.
final class UserDefaultsPreferences: PreferenceStore, @unchecked Sendable {
    private let defaults: UserDefaults

    init(defaults: UserDefaults = .standard) {
        self.defaults = defaults
    }

    func string(forKey key: String) -> String? {
        defaults.string(forKey: key)
    }

    func set(_ value: String?, forKey key: String) {
        defaults.set(value, forKey: key)
    }
}
