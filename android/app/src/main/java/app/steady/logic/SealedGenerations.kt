package app.steady.logic

import app.steady.core.GenerationStore
import java.io.DataInputStream
import java.io.DataOutputStream
import java.io.EOFException
import java.io.File
import java.io.IOException
import java.nio.ByteBuffer

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/**
 * The diary's latest generation (one more after every write), for `SteadyDiary.openGuarded`: the
 * core refuses a diary file older than the one last opened here (`RolledBack`), so an old copy of
 * the whole file put back cannot silently undo entries.
 *
 * The number is sealed (AES-GCM) by its own keystore key under [alias] and kept in [file] next to
 * the sealed data key, in `no_backup/`: it cannot be forged or edited without the keystore. What
 * this cannot stop on Android: someone with root access to the app's files who puts back an old
 * copy of *both* the diary and this file (Android offers apps no monotonic counter).
 *
 * Fails closed: a file that exists but does not open (edited, cut short, its key gone) counts as
 * "newer than any diary", so the open is refused and the patient is led to rescue, restore or erase
 * (each of which [forget]s the number). Only a missing file (the first open on this device, or
 * the first since the guard arrived) lets any generation through; it is written at once.
 *
 * The core calls [recordGeneration] after every operation, reads included: the keystore is used
 * only when the number grew, so browsing costs nothing. A failed write (the keystore did not answer)
 * is retried at the next call; the core's own write is never undone by it.
 */
class SealedGenerations(
    private val keystore: WrappingKeystore,
    val file: File,
    private val alias: String = ALIAS,
) : GenerationStore {
    /** The highest generation read or written by this process (a lower bound for the file's). */
    private var known: ULong? = null

    override fun latestGeneration(): ULong? = synchronized(this) {
        if (!file.exists()) return known
        val stored = try {
            read()
        } catch (e: KeyUnavailable) {
            return REFUSE_ALL
        } catch (e: IOException) {
            return REFUSE_ALL
        }
        val latest = maxOf(stored, known ?: 0uL)
        known = latest
        latest
    }

    override fun recordGeneration(generation: ULong) {
        synchronized(this) {
            val before = known
            if (before != null && generation <= before) return
            try {
                write(generation)
                known = generation
            } catch (e: KeyUnavailable) {
                // Retried at the next call; until then the file keeps the older number.
            } catch (e: IOException) {
                // As above.
            }
        }
    }

    /** Forgets the number and its key: the diary was erased, rescued or replaced on purpose. */
    fun forget(): Unit = synchronized(this) {
        known = null
        file.delete()
        try {
            if (keystore.exists(alias)) keystore.delete(alias)
        } catch (e: KeyUnavailable) {
            // The file is gone, so the key opens nothing; a new one is made when needed.
        }
    }

    private fun read(): ULong {
        try {
            DataInputStream(file.readBytes().inputStream()).use { input ->
                val version = input.readUnsignedByte()
                if (version != FORMAT_VERSION) throw IOException("unknown generation file version $version")
                val iv = ByteArray(input.readUnsignedByte()).also { input.readFully(it) }
                val sealed = ByteArray(input.readUnsignedShort()).also { input.readFully(it) }
                if (input.read() != -1) throw IOException("trailing bytes in the generation file")
                if (!keystore.exists(alias)) throw KeyUnavailable.Missing()
                val plain = keystore.open(alias, iv, sealed)
                if (plain.size != PLAIN_BYTES || !plain.copyOfRange(0, MAGIC.size).contentEquals(MAGIC)) {
                    throw IOException("the generation file holds something else")
                }
                return ByteBuffer.wrap(plain, MAGIC.size, Long.SIZE_BYTES).long.toULong()
            }
        } catch (e: EOFException) {
            throw IOException("the generation file is cut short")
        }
    }

    private fun write(generation: ULong) {
        if (!keystore.exists(alias)) keystore.create(alias)
        val plain = ByteBuffer.allocate(PLAIN_BYTES).put(MAGIC).putLong(generation.toLong()).array()
        val (iv, sealed) = keystore.seal(alias, plain)
        file.parentFile?.mkdirs()
        val tmp = File(file.parentFile, file.name + ".tmp")
        DataOutputStream(tmp.outputStream()).use { out ->
            out.writeByte(FORMAT_VERSION)
            out.writeByte(iv.size)
            out.write(iv)
            out.writeShort(sealed.size)
            out.write(sealed)
        }
        if (!tmp.renameTo(file)) {
            tmp.delete()
            throw IOException("could not store the generation")
        }
    }

    companion object {
        const val ALIAS = "steady-diary-generation-key"

        /** What an unreadable file stands for: newer than any diary, so the open is refused. */
        val REFUSE_ALL: ULong = ULong.MAX_VALUE

        private const val FORMAT_VERSION = 1

        /** Sealed with the number, so a sealed data key put in this file's place does not pass. */
        private val MAGIC = "steady-generation".toByteArray(Charsets.US_ASCII)
        private val PLAIN_BYTES = MAGIC.size + Long.SIZE_BYTES
    }
}
