package app.steady.ui.theme

import android.os.Build
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.dynamicDarkColorScheme
import androidx.compose.material3.dynamicLightColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext

// Calm teal and slate, the launcher icon's colours; contrast checked for text on both schemes
// (onPrimary on primary and onSurface on surface are at least 4.5:1).
private val Light = lightColorScheme(
    primary = Color(0xFF1F6F6B),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFB8ECE7),
    onPrimaryContainer = Color(0xFF00201E),
    secondary = Color(0xFF4A6360),
    onSecondary = Color.White,
    tertiary = Color(0xFF47617A),
    error = Color(0xFFB3261E),
    background = Color(0xFFF8FAF9),
    surface = Color(0xFFF8FAF9),
    onSurface = Color(0xFF191C1C),
)

private val Dark = darkColorScheme(
    primary = Color(0xFF9CD0CB),
    onPrimary = Color(0xFF003735),
    primaryContainer = Color(0xFF00504D),
    onPrimaryContainer = Color(0xFFB8ECE7),
    secondary = Color(0xFFB1CCC8),
    onSecondary = Color(0xFF1C3532),
    tertiary = Color(0xFFAFC9E6),
    error = Color(0xFFF2B8B5),
    background = Color(0xFF101414),
    surface = Color(0xFF101414),
    onSurface = Color(0xFFE0E3E2),
)

/** Material 3, light and dark with the system; the wallpaper's colours on Android 12+. */
@Composable
fun SteadyTheme(dark: Boolean = isSystemInDarkTheme(), content: @Composable () -> Unit) {
    val context = LocalContext.current
    val scheme = when {
        Build.VERSION.SDK_INT >= Build.VERSION_CODES.S -> if (dark) dynamicDarkColorScheme(context) else dynamicLightColorScheme(context)
        dark -> Dark
        else -> Light
    }
    MaterialTheme(colorScheme = scheme, content = content)
}
