package app.steady.security

import android.content.Context
import android.os.Build
import androidx.biometric.BiometricManager
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_STRONG
import androidx.biometric.BiometricManager.Authenticators.BIOMETRIC_WEAK
import androidx.biometric.BiometricManager.Authenticators.DEVICE_CREDENTIAL
import androidx.biometric.BiometricPrompt
import androidx.core.content.ContextCompat
import androidx.fragment.app.FragmentActivity

/**
 * The app lock's prompt: BiometricPrompt with the device's PIN, pattern or password as the
 * fallback (so a patient without a fingerprint, or with a wet finger, is never locked out). The words
 * come from the core (`shellUnlockReason`), or from the kept gate words before the diary opens.
 */
object BiometricGate {
    /**
     * Which authenticators to allow: strong biometrics or the device credential from Android 11;
     * before that the combination with a credential must be "weak" (BiometricPrompt's rule).
     */
    private val authenticators: Int
        get() = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) BIOMETRIC_STRONG or DEVICE_CREDENTIAL else BIOMETRIC_WEAK or DEVICE_CREDENTIAL

    /** True when the device can ask (a screen lock is set); the app lock can be turned on only then. */
    fun available(context: Context): Boolean =
        BiometricManager.from(context).canAuthenticate(authenticators) == BiometricManager.BIOMETRIC_SUCCESS

    /**
     * Asks. [onResult] gets true once the patient passed, false when they cancelled or it failed for
     * good (the locked screen then offers to try again). Without any screen lock the prompt cannot be
     * shown; the diary then opens (its key needs an unlocked device anyway), so it is never a dead end.
     */
    fun authenticate(activity: FragmentActivity, title: String, onResult: (Boolean) -> Unit) {
        if (!available(activity)) {
            onResult(true)
            return
        }
        val prompt = BiometricPrompt(
            activity,
            ContextCompat.getMainExecutor(activity),
            object : BiometricPrompt.AuthenticationCallback() {
                override fun onAuthenticationSucceeded(result: BiometricPrompt.AuthenticationResult) = onResult(true)

                override fun onAuthenticationError(errorCode: Int, errString: CharSequence) = onResult(false)
            },
        )
        val info = BiometricPrompt.PromptInfo.Builder()
            .setTitle(title)
            .setAllowedAuthenticators(authenticators)
            .setConfirmationRequired(false)
            .build()
        prompt.authenticate(info)
    }
}

/** The patient's app-lock choice: a setting of this phone (not of the diary), readable before it opens. */
object LockPreferences {
    private const val FILE = "app_lock"
    private const val ENABLED = "enabled"

    fun enabled(context: Context): Boolean =
        context.getSharedPreferences(FILE, Context.MODE_PRIVATE).getBoolean(ENABLED, false)

    fun setEnabled(context: Context, on: Boolean) {
        context.getSharedPreferences(FILE, Context.MODE_PRIVATE).edit().putBoolean(ENABLED, on).apply()
    }
}
