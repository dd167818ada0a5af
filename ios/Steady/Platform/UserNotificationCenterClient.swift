import Foundation
import SteadyKit
import UserNotifications

/// SteadyKit's notification seam on `UNUserNotificationCenter`. Each reminder is one calendar
/// trigger at the instant the core computed (rescheduled on every start and after a clock or zone
/// change); the words are the core's neutral ones, never a medicine or a dose.
struct UserNotificationCenterClient: NotificationCenterClient {
    private var center: UNUserNotificationCenter { .current() }

    func permission() async -> NotificationPermission {
        switch await center.notificationSettings().authorizationStatus {
        case .authorized, .provisional, .ephemeral: return .allowed
        case .denied: return .denied
        case .notDetermined: return .notAsked
        @unknown default: return .denied
        }
    }

    func requestPermission() async -> Bool {
        (try? await center.requestAuthorization(options: [.alert, .sound])) ?? false
    }

    func pending() async -> [PendingNotification] {
        await center.pendingNotificationRequests().map { request in
            let trigger = request.trigger as? UNCalendarNotificationTrigger
            return PendingNotification(
                id: request.identifier, fireDate: trigger?.nextTriggerDate(), title: request.content.title,
                body: request.content.body, category: request.content.categoryIdentifier)
        }
    }

    func add(_ request: NotificationRequest) async throws {
        let content = UNMutableNotificationContent()
        content.title = request.title
        content.body = request.body
        content.categoryIdentifier = request.category
        content.sound = .default
        if let medicine = request.medicineId {
            content.userInfo = [ReminderCategory.medicineKey: medicine]
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let when = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: request.fireDate)
        let trigger = UNCalendarNotificationTrigger(dateMatching: when, repeats: false)
        try await center.add(UNNotificationRequest(identifier: request.id, content: content, trigger: trigger))
    }

    func removePending(ids: [String]) async {
        center.removePendingNotificationRequests(withIdentifiers: ids)
        center.removeDeliveredNotifications(withIdentifiers: ids)
    }

    func setCategories(_ categories: [NotificationCategory]) async {
        let native = categories.map { category in
            UNNotificationCategory(
                identifier: category.id,
                actions: category.actions.map { action in
                    var options: UNNotificationActionOptions = []
                    if action.requiresUnlockedDevice { options.insert(.authenticationRequired) }
                    if action.opensApp { options.insert(.foreground) }
                    return UNNotificationAction(identifier: action.id, title: action.title, options: options)
                },
                intentIdentifiers: [], options: [])
        }
        center.setNotificationCategories(Set(native))
    }
}
