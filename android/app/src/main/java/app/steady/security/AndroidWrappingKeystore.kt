package app.steady.security

import android.os.Build
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyPermanentlyInvalidatedException
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.security.keystore.UserNotAuthenticatedException
import app.steady.logic.KeyUnavailable
import app.steady.logic.WrappingKeystore
import java.security.GeneralSecurityException
import java.security.KeyStore
import java.security.KeyStoreException
import java.security.ProviderException
import java.security.UnrecoverableKeyException
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * AndroidKeyStore wrapping keys for [app.steady.logic.KeyVault]: AES-256-GCM, never leaving the
 * secure hardware, made in StrongBox where the device has one (falling back to the TEE), and usable
 * only while the device is unlocked (`setUnlockedDeviceRequired`, Android 9+). Every failure is
 * translated into a [KeyUnavailable] case, so the plain-Kotlin vault can tell a locked device (wait)
 * from an invalidated or missing key (restore or erase).
 */
class AndroidWrappingKeystore : WrappingKeystore {
    private fun store(): KeyStore = KeyStore.getInstance(KEYSTORE).apply { load(null) }

    override fun exists(alias: String): Boolean = translate { store().containsAlias(alias) }

    override fun create(alias: String) {
        translate {
            try {
                generate(alias, strongBox = Build.VERSION.SDK_INT >= Build.VERSION_CODES.P)
            } catch (e: StrongBoxUnavailableException) {
                generate(alias, strongBox = false)
            } catch (e: ProviderException) {
                // Some devices report a missing StrongBox as a ProviderException.
                if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) generate(alias, strongBox = false) else throw e
            }
        }
    }

    private fun generate(alias: String, strongBox: Boolean) {
        val spec = KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(KEY_BITS)
            .setRandomizedEncryptionRequired(true)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.P) {
            spec.setUnlockedDeviceRequired(true)
            spec.setIsStrongBoxBacked(strongBox)
        }
        KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE).run {
            init(spec.build())
            generateKey()
        }
    }

    private fun key(alias: String): SecretKey =
        store().getKey(alias, null) as? SecretKey ?: throw KeyUnavailable.Missing()

    override fun seal(alias: String, plain: ByteArray): Pair<ByteArray, ByteArray> = translate {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, key(alias))
        cipher.iv to cipher.doFinal(plain)
    }

    override fun open(alias: String, iv: ByteArray, sealed: ByteArray): ByteArray = translate {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, key(alias), GCMParameterSpec(TAG_BITS, iv))
        cipher.doFinal(sealed)
    }

    override fun delete(alias: String) {
        translate { store().deleteEntry(alias) }
    }

    /** Runs a keystore call, every failure as a [KeyUnavailable]. */
    private inline fun <T> translate(block: () -> T): T =
        try {
            block()
        } catch (e: KeyUnavailable) {
            throw e
        } catch (e: KeyPermanentlyInvalidatedException) {
            throw KeyUnavailable.Invalidated()
        } catch (e: UserNotAuthenticatedException) {
            // setUnlockedDeviceRequired: the device is locked right now.
            throw KeyUnavailable.DeviceLocked()
        } catch (e: UnrecoverableKeyException) {
            throw KeyUnavailable.Missing()
        } catch (e: KeyStoreException) {
            throw if (isLockedDevice(e)) KeyUnavailable.DeviceLocked() else KeyUnavailable.Failed(e.javaClass.simpleName)
        } catch (e: GeneralSecurityException) {
            throw if (isLockedDevice(e)) KeyUnavailable.DeviceLocked() else KeyUnavailable.Failed(e.javaClass.simpleName)
        } catch (e: ProviderException) {
            throw KeyUnavailable.Failed(e.javaClass.simpleName)
        }

    /** Android 12+ reports a key used while the device is locked as this KeyStoreException. */
    private fun isLockedDevice(e: Exception): Boolean {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            val cause = e.cause
            if (e is android.security.KeyStoreException && e.numericErrorCode == android.security.KeyStoreException.ERROR_USER_AUTHENTICATION_REQUIRED) {
                return true
            }
            if (cause is android.security.KeyStoreException && cause.numericErrorCode == android.security.KeyStoreException.ERROR_USER_AUTHENTICATION_REQUIRED) {
                return true
            }
        }
        return e.message?.contains("Key user not authenticated", ignoreCase = true) == true
    }

    private companion object {
        const val KEYSTORE = "AndroidKeyStore"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val KEY_BITS = 256
        const val TAG_BITS = 128
    }
}
