import Foundation
import SteadyCore

/// Notification categories of the reminders.
public enum ReminderCategory {
    /// A medicine's usual time: with the "Taken" action.
    public static let medicine = "steady.medicine"
    /// The daily check-in: opens the app.
    public static let checkIn = "steady.check-in"
    /// The action that logs the usual dose without opening the diary.
    public static let takenAction = "steady.taken"
    /// Every notification of Steady has an id starting with this (others are left alone).
    public static let idPrefix = "steady."
    /// The user-info key holding the medicine's id.
    public static let medicineKey = "medicine"
    /// iOS keeps at most 64 pending notifications per app.
    public static let systemLimit = 64
    /// How many diary days are scheduled ahead (the core allows 1–31).
    public static let daysAhead: UInt32 = 7
}

/// What to change in the system's pending notifications.
public struct ReminderChanges: Equatable, Sendable {
    public var remove: [String]
    public var add: [NotificationRequest]

    public var isEmpty: Bool { remove.isEmpty && add.isEmpty }
}

/// The reminder decisions, without the notification centre: which of the core's reminders to
/// schedule, which pending ones to take back. Pure, so every rule is tested.
public enum ReminderPlanner {
    /// The notification for each reminder still ahead of `now`, soonest first, at most the system's
    /// limit. The words are the core's (neutral: no medicine, no dose).
    public static func requests(for reminders: [Reminder], now: Date) -> [NotificationRequest] {
        var ahead: [NotificationRequest] = []
        for reminder in reminders {
            guard let fire = CoreValues.date(fromInstant: reminder.at), fire > now else { continue }
            ahead.append(
                NotificationRequest(
                    id: ReminderCategory.idPrefix + reminder.id, fireDate: fire, title: reminder.title,
                    body: reminder.body,
                    category: reminder.medicineId == nil ? ReminderCategory.checkIn : ReminderCategory.medicine,
                    medicineId: reminder.medicineId))
        }
        ahead.sort { ($0.fireDate, $0.id) < ($1.fireDate, $1.id) }
        // One notification per id (a second would replace the first in the system): the soonest.
        var seen = Set<String>()
        let unique = ahead.filter { seen.insert($0.id).inserted }
        return Array(unique.prefix(ReminderCategory.systemLimit))
    }

    /// The changes that make the pending notifications equal `wanted`: Steady's pending ones that
    /// are not wanted (or wanted with another time or text) go, missing ones come. Nothing is
    /// scheduled without permission, and notifications of other origins are never touched.
    public static func changes(
        wanted: [NotificationRequest], pending: [PendingNotification], permission: NotificationPermission
    ) -> ReminderChanges {
        let ours = pending.filter { $0.id.hasPrefix(ReminderCategory.idPrefix) }
        guard permission == .allowed else {
            return ReminderChanges(remove: ours.map(\.id).sorted(), add: [])
        }
        let wantedById = Dictionary(wanted.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var remove: [String] = []
        var kept = Set<String>()
        for p in ours {
            if let w = wantedById[p.id], w.title == p.title, w.body == p.body, w.category == p.category,
                let fire = p.fireDate, abs(fire.timeIntervalSince(w.fireDate)) < 1
            {
                kept.insert(p.id)
            } else {
                remove.append(p.id)
            }
        }
        let add = wanted.filter { !kept.contains($0.id) }
        return ReminderChanges(remove: remove.sorted(), add: add)
    }

    /// The categories to register: "Taken" on medicine reminders, in the patient's language,
    /// handled in the background once the device is unlocked.
    public static func categories(words: Words) -> [NotificationCategory] {
        [
            NotificationCategory(
                id: ReminderCategory.medicine,
                actions: [
                    .init(id: ReminderCategory.takenAction, title: words.labels.actionTaken, requiresUnlockedDevice: true, opensApp: false)
                ]),
            NotificationCategory(id: ReminderCategory.checkIn, actions: []),
        ]
    }
}

/// Why the reminders are being scheduled again.
public enum RescheduleReason: Equatable, Sendable {
    case appStart
    case timeZoneChanged
    case clockChanged
    case diaryChanged
    case permissionGranted
}

/// Keeps the system's pending notifications equal to the core's reminder list.
public actor ReminderScheduler {
    private let center: NotificationCenterClient
    public private(set) var lastReason: RescheduleReason?
    public private(set) var lastChanges = ReminderChanges(remove: [], add: [])

    public init(center: NotificationCenterClient) {
        self.center = center
    }

    /// Replaces Steady's pending notifications with `reminders` (those ahead of `now`).
    @discardableResult
    public func schedule(
        _ reminders: [Reminder], words: Words, now: Date, reason: RescheduleReason
    ) async -> ReminderChanges {
        let permission = await center.permission()
        await center.setCategories(ReminderPlanner.categories(words: words))
        let wanted = ReminderPlanner.requests(for: reminders, now: now)
        let changes = ReminderPlanner.changes(wanted: wanted, pending: await center.pending(), permission: permission)
        if !changes.remove.isEmpty {
            await center.removePending(ids: changes.remove)
        }
        var added: [NotificationRequest] = []
        for request in changes.add {
            do {
                try await center.add(request)
                added.append(request)
            } catch {
                // One refused notification must not stop the others.
            }
        }
        lastReason = reason
        lastChanges = ReminderChanges(remove: changes.remove, add: added)
        return lastChanges
    }

    /// Takes back every pending notification of Steady (the diary was erased).
    public func removeAll() async {
        let ours = await center.pending().map(\.id).filter { $0.hasPrefix(ReminderCategory.idPrefix) }
        if !ours.isEmpty {
            await center.removePending(ids: ours)
        }
    }
}

/// A notification's action, as the app delegate receives it.
public struct ReminderResponse: Equatable, Sendable {
    public let actionId: String
    public let notificationId: String
    public let medicineId: String?

    public init(actionId: String, notificationId: String, medicineId: String?) {
        self.actionId = actionId
        self.notificationId = notificationId
        self.medicineId = medicineId
    }

    /// The "Taken" action of one of Steady's medicine reminders.
    public var isTaken: Bool {
        actionId == ReminderCategory.takenAction && notificationId.hasPrefix(ReminderCategory.idPrefix)
    }
}
