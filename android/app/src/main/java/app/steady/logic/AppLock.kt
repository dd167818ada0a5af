package app.steady.logic

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.
// The Android side feeds it the process lifecycle (ON_START / ON_STOP), a timer and BiometricPrompt's
// answers, and does what it says.

/** What the app does when it comes to the foreground (or starts). */
enum class Resume {
    /** Nothing: the diary is open and was not left long enough to lock. */
    CONTINUE,

    /** The diary is locked and the app lock is off: unlock it with the keystore key. */
    UNLOCK,

    /** The app lock is on and the diary is locked: BiometricPrompt (or the device code) first. */
    AUTHENTICATE,
}

/**
 * The app lock's state machine. The diary is locked (`SteadyDiary.lock()`: keys wiped, decrypted
 * entries dropped) once the app has been in the background for [graceMillis], whether or not the
 * app lock is on; when it is on, coming back asks for biometrics or the device code before the diary
 * is unlocked, as it does at a cold start.
 */
class AppLock(enabled: Boolean, val graceMillis: Long = DEFAULT_GRACE_MILLIS) {
    /** Whether the patient turned the app lock on (Settings). */
    var enabled: Boolean = enabled
        private set

    /** True until the patient passed the prompt (or at once when the lock is off). */
    var authenticated: Boolean = !enabled
        private set

    /** True while the core is locked (as far as this machine knows). */
    var diaryLocked: Boolean = true
        private set

    private var backgroundSince: Long? = null

    /** The app starts (cold): ask first when the lock is on, else open. */
    fun coldStart(): Resume = if (enabled && !authenticated) Resume.AUTHENTICATE else Resume.UNLOCK

    /** The diary was opened or unlocked. */
    fun diaryOpened() {
        diaryLocked = false
    }

    /** The app went to the background (ON_STOP): the grace period starts. */
    fun onStop(now: Long) {
        if (backgroundSince == null) backgroundSince = now
    }

    /**
     * The grace timer fired (or any later check in the background): true when the diary must be
     * locked now. The prompt is asked again on return when the lock is on.
     */
    fun onGraceTimer(now: Long): Boolean {
        val since = backgroundSince ?: return false
        if (diaryLocked || now - since < graceMillis) return false
        lockNow()
        return true
    }

    /**
     * Back in the foreground (ON_START). Past the grace period the diary is locked first (the timer
     * may not have run while the process was frozen: [mustLockFirst] says so).
     */
    fun onStart(now: Long): Resume {
        val since = backgroundSince
        backgroundSince = null
        if (since != null && now - since >= graceMillis && !diaryLocked) lockNow()
        return when {
            !diaryLocked -> Resume.CONTINUE
            enabled && !authenticated -> Resume.AUTHENTICATE
            else -> Resume.UNLOCK
        }
    }

    /** True when [onStart] found the diary open past the grace period (the caller locks it first). */
    var mustLockFirst: Boolean = false
        private set

    private fun lockNow() {
        diaryLocked = true
        mustLockFirst = true
        if (enabled) authenticated = false
    }

    /** The core was locked (by [onGraceTimer]'s answer or [mustLockFirst]). */
    fun diaryWasLocked() {
        diaryLocked = true
        mustLockFirst = false
    }

    /** BiometricPrompt succeeded: the diary may be unlocked. */
    fun authSucceeded() {
        authenticated = true
    }

    /** BiometricPrompt failed or was cancelled: stay locked (the locked screen offers to try again). */
    fun authFailed() {
        authenticated = !enabled
    }

    /**
     * The patient turned the lock on or off (only from an open, unlocked diary, so they are
     * authenticated now).
     */
    fun setEnabled(on: Boolean) {
        enabled = on
        authenticated = true
    }

    companion object {
        /** One minute in the background keeps the diary open (a quick look at a message, a call). */
        const val DEFAULT_GRACE_MILLIS: Long = 60_000
    }
}
