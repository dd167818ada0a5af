import Foundation
import SteadyCore
import XCTest

@testable import SteadyKit

/// Reminder scheduling decisions, with the core's real reminder list.
final class ReminderTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func reminder(_ id: String, in seconds: TimeInterval, medicine: String? = "m1", body: String = "Your reminder.")
        -> Reminder
    {
        let at = now.addingTimeInterval(seconds)
        return Reminder(
            id: id, at: CoreValues.instant(at), localTime: CoreValues.clock(at), medicineId: medicine, title: "Steady",
            body: body)
    }

    func testOnlyRemindersAheadAreScheduledSoonestFirstWithTheirCategory() {
        let requests = ReminderPlanner.requests(
            for: [
                reminder("b", in: 7200), reminder("past", in: -60), reminder("a", in: 3600),
                reminder("check", in: 5400, medicine: nil), reminder("bad", in: 60).withAt("not a time"),
            ], now: now)
        XCTAssertEqual(requests.map(\.id), ["steady.a", "steady.check", "steady.b"])
        XCTAssertEqual(requests.map(\.category), [ReminderCategory.medicine, ReminderCategory.checkIn, ReminderCategory.medicine])
        XCTAssertEqual(requests.first?.medicineId, "m1")
        XCTAssertEqual(requests.first?.fireDate, now.addingTimeInterval(3600))
        XCTAssertEqual(requests.first?.title, "Steady")
    }

    func testNeverMoreThanTheSystemLimitAndNoDuplicateIds() {
        let many = (0..<100).map { reminder("r\($0)", in: TimeInterval(60 * ($0 + 1))) } + [reminder("r0", in: 30)]
        let requests = ReminderPlanner.requests(for: many, now: now)
        XCTAssertEqual(requests.count, ReminderCategory.systemLimit)
        XCTAssertEqual(Set(requests.map(\.id)).count, requests.count)
        XCTAssertEqual(requests.first?.fireDate, now.addingTimeInterval(30), "the soonest of a duplicated id is kept")
    }

    func testChangesKeepWhatIsUnchangedReplaceWhatMovedAndLeaveOthersAlone() {
        let wanted = ReminderPlanner.requests(for: [reminder("a", in: 3600), reminder("b", in: 7200)], now: now)
        let pending = [
            PendingNotification(id: "steady.a", fireDate: now.addingTimeInterval(3600), title: "Steady", body: "Your reminder.", category: ReminderCategory.medicine),
            // Moved by a time-zone change: same id, another moment.
            PendingNotification(id: "steady.b", fireDate: now.addingTimeInterval(10800), title: "Steady", body: "Your reminder.", category: ReminderCategory.medicine),
            PendingNotification(id: "steady.gone", fireDate: now.addingTimeInterval(100), title: "Steady", body: "x", category: ReminderCategory.medicine),
            PendingNotification(id: "other-app-thing", fireDate: now, title: "t", body: "b", category: nil),
        ]
        let changes = ReminderPlanner.changes(wanted: wanted, pending: pending, permission: .allowed)
        XCTAssertEqual(changes.remove, ["steady.b", "steady.gone"])
        XCTAssertEqual(changes.add.map(\.id), ["steady.b"])
        let again = ReminderPlanner.changes(
            wanted: wanted,
            pending: wanted.map { PendingNotification(id: $0.id, fireDate: $0.fireDate, title: $0.title, body: $0.body, category: $0.category) },
            permission: .allowed)
        XCTAssertTrue(again.isEmpty, "scheduling the same list twice changes nothing")
    }

    func testWithoutPermissionNothingIsScheduledAndSteadysOwnAreTakenBack() {
        let wanted = ReminderPlanner.requests(for: [reminder("a", in: 3600)], now: now)
        let pending = [
            PendingNotification(id: "steady.a", fireDate: now.addingTimeInterval(3600), title: "Steady", body: "Your reminder.", category: ReminderCategory.medicine),
            PendingNotification(id: "elsewhere", fireDate: now, title: "t", body: "b", category: nil),
        ]
        for permission in [NotificationPermission.denied, .notAsked] {
            let changes = ReminderPlanner.changes(wanted: wanted, pending: pending, permission: permission)
            XCTAssertEqual(changes.add, [])
            XCTAssertEqual(changes.remove, ["steady.a"])
        }
    }

    func testTheSchedulerRegistersTakenOnMedicineRemindersAndReplacesTheSetFromTheRealCore() async throws {
        let dir = TempDir()
        defer { dir.remove() }
        let diary = try openDiary(dir.url.appendingPathComponent("d"), key: randomKey())
        _ = try diary.addMedicine(medicine: MedicineDraft(drug: "diazepam", mg: 5, times: ["08:00", "20:00"]))
        _ = try diary.changeSetting(change: .checkIn(at: "21:00"))
        let words = try Words.load(from: diary)
        let center = FakeNotificationCenter()
        let scheduler = ReminderScheduler(center: center)
        let list = try diary.reminders(from: nil, days: 7)
        let first = await scheduler.schedule(list, words: words, now: Date(), reason: .appStart)
        let scheduled = center.scheduled
        XCTAssertEqual(scheduled.count, first.add.count)
        XCTAssertGreaterThanOrEqual(scheduled.count, 18, "two doses and a check-in a day for six days at least")
        XCTAssertLessThanOrEqual(scheduled.count, 21)
        XCTAssertTrue(scheduled.allSatisfy { !$0.body.contains("diazepam") && !$0.body.contains("mg") })
        XCTAssertEqual(Set(scheduled.filter { $0.medicineId == nil }.map(\.category)), [ReminderCategory.checkIn])
        let medicineCategory = try XCTUnwrap(center.categories.first { $0.id == ReminderCategory.medicine })
        XCTAssertEqual(medicineCategory.actions.map(\.title), [words.labels.actionTaken])
        XCTAssertTrue(medicineCategory.actions.allSatisfy { $0.requiresUnlockedDevice && !$0.opensApp })

        // The check-in is turned off: its reminders go, the medicine's stay.
        _ = try diary.changeSetting(change: .checkIn(at: nil))
        let second = await scheduler.schedule(try diary.reminders(from: nil, days: 7), words: words, now: Date(), reason: .diaryChanged)
        XCTAssertTrue(second.add.isEmpty)
        XCTAssertFalse(second.remove.isEmpty)
        XCTAssertTrue(center.scheduled.allSatisfy { $0.category == ReminderCategory.medicine })
        let reason = await scheduler.lastReason
        XCTAssertEqual(reason, .diaryChanged)
    }

    func testOnlyTheTakenActionOfSteadysNotificationsLogs() {
        XCTAssertTrue(ReminderResponse(actionId: ReminderCategory.takenAction, notificationId: "steady.x", medicineId: "m").isTaken)
        XCTAssertFalse(ReminderResponse(actionId: "com.apple.UNNotificationDefaultActionIdentifier", notificationId: "steady.x", medicineId: "m").isTaken)
        XCTAssertFalse(ReminderResponse(actionId: ReminderCategory.takenAction, notificationId: "other", medicineId: "m").isTaken)
    }
}

private extension Reminder {
    func withAt(_ at: String) -> Reminder {
        Reminder(id: id, at: at, localTime: localTime, medicineId: medicineId, title: title, body: body)
    }
}
