package app.steady

import android.os.Bundle
import android.view.WindowManager
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.fragment.app.FragmentActivity
import app.steady.ui.AppRoot
import app.steady.ui.AppViewModel
import app.steady.ui.theme.SteadyTheme

/**
 * The one activity. A FragmentActivity, because BiometricPrompt (the app lock) needs one. The
 * window is secure: a health diary stays out of screenshots and the recent-apps thumbnail.
 */
class MainActivity : FragmentActivity() {
    private val vm: AppViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        // targetSdk 36 draws edge to edge; the Scaffolds pad for the system bars.
        enableEdgeToEdge()
        setContent { SteadyTheme { AppRoot(vm, this) } }
    }
}
