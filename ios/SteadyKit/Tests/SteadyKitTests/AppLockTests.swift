import Foundation
import XCTest

@testable import SteadyKit

/// The app lock's state machine, event by event.
final class AppLockTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testColdStartAsksFirstWhenTheLockIsOnAndOpensWhenItIsOff() {
        var on = AppLockMachine(policy: AppLockPolicy(enabled: true))
        XCTAssertEqual(on.handle(.launched), [.authenticate])
        XCTAssertEqual(on.state, .locked)
        XCTAssertFalse(on.mayShowDiary)

        var off = AppLockMachine(policy: AppLockPolicy(enabled: false))
        XCTAssertEqual(off.handle(.launched), [.openDiary])
        XCTAssertEqual(off.state, .unlocked)
        XCTAssertTrue(off.mayShowDiary)
    }

    func testTheDiaryLocksInTheBackgroundWhetherTheLockIsOnOrOff() {
        for enabled in [true, false] {
            var machine = AppLockMachine(policy: AppLockPolicy(enabled: enabled))
            _ = machine.handle(.launched)
            if enabled {
                _ = machine.handle(.authenticationStarted)
                XCTAssertEqual(machine.handle(.authenticationEnded(.success)), [.openDiary])
            }
            XCTAssertEqual(machine.handle(.enteredBackground(at: t0)), [.lockDiary])
            XCTAssertEqual(machine.state, .background(since: t0))
            XCTAssertFalse(machine.mayShowDiary)
        }
    }

    func testBackWithinTheGracePeriodOpensWithoutAskingAndLaterAsks() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: true, grace: 60))
        _ = machine.handle(.launched)
        _ = machine.handle(.authenticationEnded(.success))
        _ = machine.handle(.enteredBackground(at: t0))
        XCTAssertEqual(machine.handle(.becameActive(at: t0.addingTimeInterval(59))), [.openDiary])
        XCTAssertEqual(machine.state, .unlocked)

        _ = machine.handle(.enteredBackground(at: t0.addingTimeInterval(100)))
        XCTAssertEqual(machine.handle(.becameActive(at: t0.addingTimeInterval(160))), [.authenticate])
        XCTAssertEqual(machine.state, .locked)
    }

    func testAClockThatWentBackwardsCountsAsTheGracePeriodOver() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: true, grace: 60))
        _ = machine.handle(.launched)
        _ = machine.handle(.authenticationEnded(.success))
        _ = machine.handle(.enteredBackground(at: t0))
        XCTAssertEqual(machine.handle(.becameActive(at: t0.addingTimeInterval(-3600))), [.authenticate])
        XCTAssertEqual(machine.state, .locked)
    }

    func testFailureStaysLockedAndSaysSoAndBecomingActiveAgainDoesNotLoop() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: true))
        _ = machine.handle(.launched)
        _ = machine.handle(.authenticationStarted)
        XCTAssertEqual(machine.state, .authenticating)
        XCTAssertEqual(machine.handle(.authenticationEnded(.failed)), [.reportFailure])
        XCTAssertEqual(machine.state, .locked)
        // The system sheet made the app inactive and active again: nothing is asked by itself.
        XCTAssertEqual(machine.handle(.becameActive(at: t0)), [])
        XCTAssertEqual(machine.state, .locked)
        // A success from an old sheet after the app was unlocked changes nothing.
        _ = machine.handle(.authenticationEnded(.success))
        XCTAssertEqual(machine.handle(.authenticationEnded(.success)), [])
    }

    func testAnAuthenticationInProgressIsDroppedWhenTheAppLeaves() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: true))
        _ = machine.handle(.launched)
        _ = machine.handle(.authenticationStarted)
        XCTAssertEqual(machine.handle(.enteredBackground(at: t0)), [])
        XCTAssertEqual(machine.state, .locked)
    }

    func testADeviceWithoutAPasscodeOpensAndTurnsTheLockOffNeverADeadEnd() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: true))
        _ = machine.handle(.launched)
        XCTAssertEqual(machine.handle(.authenticationEnded(.unavailable)), [.disableAppLock, .openDiary])
        XCTAssertEqual(machine.state, .unlocked)
        XCTAssertFalse(machine.policy.enabled)
    }

    func testTurningTheLockOnAppliesFromTheNextBackground() {
        var machine = AppLockMachine(policy: AppLockPolicy(enabled: false, grace: 30))
        _ = machine.handle(.launched)
        XCTAssertEqual(machine.handle(.policyChanged(AppLockPolicy(enabled: true, grace: 30))), [])
        XCTAssertEqual(machine.state, .unlocked)
        _ = machine.handle(.enteredBackground(at: t0))
        XCTAssertEqual(machine.handle(.becameActive(at: t0.addingTimeInterval(31))), [.authenticate])
    }
}
