package app.steady.logic

import app.steady.core.ExportFile
import java.io.File

// Plain Kotlin (no android.* imports): compiled and tested on the desktop JVM by tests/jvm/run.sh.

/**
 * Decrypted files on their way to the share sheet (summaries, the plan's calendar): written to one
 * cache folder the FileProvider serves, deleted as soon as the share sheet comes back, and swept at
 * every start and every lock, so a decrypted summary never stays behind.
 */
class ShareFiles(private val dir: File) {
    /** Writes the file for sharing; earlier files are removed first (one share at a time). */
    fun write(file: ExportFile): File {
        sweep()
        dir.mkdirs()
        val out = File(dir, safeName(file.fileName))
        out.writeBytes(file.bytes)
        return out
    }

    /** The share sheet came back: the file is deleted. */
    fun shared(file: File) {
        file.delete()
    }

    /** Deletes every file waiting here; returns how many. */
    fun sweep(): Int {
        val files = dir.listFiles()?.filter { it.isFile }.orEmpty()
        files.forEach { it.delete() }
        return files.size
    }

    /** Files still here. */
    fun pending(): List<File> = dir.listFiles()?.filter { it.isFile }.orEmpty()

    companion object {
        /** The core's suggested name (no health data in it), with nothing that could leave the folder. */
        fun safeName(name: String): String {
            val cleaned = name.substringAfterLast('/').substringAfterLast('\\')
                .replace(Regex("""[^A-Za-z0-9._-]"""), "_").trimStart('.')
            return cleaned.ifEmpty { "steady" }.take(MAX_NAME)
        }

        private const val MAX_NAME = 100
    }
}
