package app.steady.logic

import app.steady.core.SteadyException
import java.io.DataOutputStream
import java.io.File
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

/** The key handling of the Android app (sealed data key, wrapping key in the keystore), on the JVM. */
class KeyVaultTest {
    @get:Rule
    val tmp = TemporaryFolder()

    private val keystore = SoftwareKeystore()
    private var diary = false

    private fun vault(file: File = File(tmp.root, "keys/diary-key.wrapped")) = KeyVault(keystore, file, diaryExists = { diary })

    @Test
    fun theKeyIsMadeOnceSealedAndTheSameEveryTime() {
        val v = vault()
        assertEquals(KeyState.NONE, v.state())
        val first = v.getOrCreateKey().copyOf()
        assertEquals(32, first.size)
        assertTrue(v.file.exists())
        // The file holds the sealed key, never the key itself.
        assertFalse(v.file.readBytes().toList().windowed(32).any { it == first.toList() })
        diary = true
        assertEquals(KeyState.READY, v.state())
        assertArrayEquals(first, vault().getOrCreateKey())
        assertEquals(1, keystore.aliases.size)
        assertEquals(v.alias(), keystore.aliases.single())
    }

    @Test
    fun keysHandedToTheCoreAreZeroedAfterwards() {
        val v = vault()
        val handed = v.getOrCreateKey()
        assertTrue(handed.any { it != 0.toByte() })
        v.wipeHandedOutKeys()
        assertTrue(handed.all { it == 0.toByte() })
    }

    @Test
    fun aDiaryWithoutItsKeyIsLostNeverGivenANewKey() {
        diary = true
        val v = vault()
        assertEquals(KeyState.LOST_MISSING, v.state())
        assertThrows(SteadyException.KeyProvider::class.java) { v.getOrCreateKey() }
        assertFalse("no key was made over the diary", v.file.exists())
        assertTrue(keystore.aliases.isEmpty())
    }

    @Test
    fun aLockedDeviceIsTemporaryAnInvalidatedOrMissingKeyIsLost() {
        val v = vault()
        val key = v.getOrCreateKey().copyOf()
        diary = true
        keystore.deviceLocked = true
        assertEquals(KeyState.DEVICE_LOCKED, v.state())
        val locked = assertThrows(SteadyException.KeyProvider::class.java) { v.getOrCreateKey() }
        assertTrue(locked.detail, locked.detail.contains("locked"))
        keystore.deviceLocked = false
        assertArrayEquals("nothing was lost while the device was locked", key, v.getOrCreateKey())
        keystore.invalidateAll()
        assertEquals(KeyState.LOST_INVALIDATED, v.state())
        assertTrue(v.state().lost)
        keystore.wipe()
        assertEquals(KeyState.LOST_MISSING, v.state())
        // A cut-off key file counts as lost too, not as a crash.
        v.file.writeBytes(byteArrayOf(2, 0))
        assertEquals(KeyState.LOST_MISSING, v.state())
    }

    @Test
    fun forgetDeletesTheSealedKeyAndItsWrappingKey() {
        val v = vault()
        v.getOrCreateKey()
        v.forget()
        assertFalse(v.file.exists())
        assertTrue(keystore.aliases.isEmpty())
        assertEquals(KeyState.NONE, v.state())
    }

    @Test
    fun theFirstShellsKeyFileIsStillRead() {
        // Format 1: version, IV, sealed key, under the one alias the first Android shell used.
        keystore.create(KeyVault.LEGACY_ALIAS)
        val key = ByteArray(32) { it.toByte() }
        val (iv, sealed) = keystore.seal(KeyVault.LEGACY_ALIAS, key)
        val file = File(tmp.root, "keys/diary-key.wrapped").apply { parentFile.mkdirs() }
        DataOutputStream(file.outputStream()).use { out ->
            out.writeByte(1)
            out.writeByte(iv.size)
            out.write(iv)
            out.writeShort(sealed.size)
            out.write(sealed)
        }
        diary = true
        assertArrayEquals(key, vault(file).getOrCreateKey())
    }
}
