package app.steady.logic

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test

/** The app lock's state machine: when the diary is locked, and when the prompt is asked. */
class AppLockTest {
    private val grace = 60_000L

    @Test
    fun withTheLockOnTheFirstOpenAsksAndAQuickLookAwayDoesNot() {
        val lock = AppLock(enabled = true, graceMillis = grace)
        assertEquals(Resume.AUTHENTICATE, lock.coldStart())
        lock.authSucceeded()
        assertEquals(Resume.UNLOCK, lock.coldStart())
        lock.diaryOpened()
        lock.onStop(now = 1_000)
        assertFalse("the timer fired early: nothing happens", lock.onGraceTimer(now = 30_000))
        assertEquals(Resume.CONTINUE, lock.onStart(now = 59_000))
        assertFalse(lock.diaryLocked)
    }

    @Test
    fun pastTheGracePeriodTheDiaryIsLockedAndThePromptAskedAgain() {
        val lock = AppLock(enabled = true, graceMillis = grace)
        lock.authSucceeded()
        lock.diaryOpened()
        lock.onStop(now = 0)
        assertTrue("lock() now", lock.onGraceTimer(now = grace))
        lock.diaryWasLocked()
        assertFalse("locked once only", lock.onGraceTimer(now = grace + 10))
        assertEquals(Resume.AUTHENTICATE, lock.onStart(now = grace * 5))
        lock.authFailed()
        assertEquals("a failed prompt keeps it locked", Resume.AUTHENTICATE, lock.onStart(now = grace * 6))
        lock.authSucceeded()
        assertEquals(Resume.UNLOCK, lock.onStart(now = grace * 7))
        lock.diaryOpened()
        assertFalse(lock.diaryLocked)
    }

    @Test
    fun aTimerThatNeverRanIsMadeUpForOnReturn() {
        // The process was frozen in the background: ON_START finds the grace period long past.
        val lock = AppLock(enabled = true, graceMillis = grace)
        lock.authSucceeded()
        lock.diaryOpened()
        lock.onStop(now = 0)
        assertEquals(Resume.AUTHENTICATE, lock.onStart(now = grace + 1))
        assertTrue("the caller locks the core first", lock.mustLockFirst)
        lock.diaryWasLocked()
        assertFalse(lock.mustLockFirst)
    }

    @Test
    fun withTheLockOffTheDiaryIsStillLockedInTheBackgroundAndUnlocksWithoutAPrompt() {
        val lock = AppLock(enabled = false, graceMillis = grace)
        assertEquals(Resume.UNLOCK, lock.coldStart())
        lock.diaryOpened()
        lock.onStop(now = 0)
        assertTrue(lock.onGraceTimer(now = grace))
        lock.diaryWasLocked()
        assertEquals(Resume.UNLOCK, lock.onStart(now = grace * 2))
    }

    @Test
    fun turningTheLockOnFromSettingsDoesNotAskAtOnceButNextTime() {
        val lock = AppLock(enabled = false, graceMillis = grace)
        lock.diaryOpened()
        lock.setEnabled(true)
        assertTrue(lock.enabled)
        lock.onStop(now = 0)
        assertEquals(Resume.CONTINUE, lock.onStart(now = 10))
        lock.onStop(now = 100)
        assertTrue(lock.onGraceTimer(now = 100 + grace))
        lock.diaryWasLocked()
        assertEquals(Resume.AUTHENTICATE, lock.onStart(now = 200 + grace))
        lock.setEnabled(false)
        assertEquals(Resume.UNLOCK, lock.onStart(now = 300 + grace))
    }
}
