package app.steady

import android.Manifest
import android.os.Build
import android.os.Bundle
import android.view.WindowManager
import androidx.activity.ComponentActivity
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.SnackbarHost
import androidx.compose.material3.SnackbarHostState
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.lifecycle.Lifecycle
import androidx.lifecycle.compose.LifecycleEventEffect
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import androidx.lifecycle.viewmodel.compose.viewModel
import androidx.navigation.NavHostController
import androidx.navigation.compose.NavHost
import androidx.navigation.compose.composable
import androidx.navigation.compose.currentBackStackEntryAsState
import androidx.navigation.compose.rememberNavController
import app.steady.notifications.ReminderNotifications
import app.steady.ui.CoreViewModel
import app.steady.ui.logic.Screen
import app.steady.ui.logic.summaryScreen
import app.steady.ui.logic.todayState
import app.steady.ui.screens.GoalsPage
import app.steady.ui.screens.HistoryPage
import app.steady.ui.screens.LogPage
import app.steady.ui.screens.SummaryPage
import app.steady.ui.screens.TodayPage
import app.steady.ui.text

/** The one activity: a NavHost over Today, Log, Goals and Summary (and History from Today). */
class MainActivity : ComponentActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        // A health diary: keep it out of screenshots and the recent-apps thumbnail.
        window.setFlags(WindowManager.LayoutParams.FLAG_SECURE, WindowManager.LayoutParams.FLAG_SECURE)
        ReminderNotifications.ensureChannel(this)
        setContent { MaterialTheme { SteadyApp() } }
    }
}

private enum class Dest(val route: String, val label: Int) {
    TODAY("today", R.string.nav_today),
    LOG("log", R.string.nav_log),
    GOALS("goals", R.string.nav_goals),
    SUMMARY("summary", R.string.nav_summary),
}

private const val HISTORY = "history"

@Composable
fun SteadyApp(vm: CoreViewModel = viewModel()) {
    val message by vm.message.collectAsStateWithLifecycle()
    val openFailed by vm.openFailed.collectAsStateWithLifecycle()
    val nav = rememberNavController()
    val snackbar = remember { SnackbarHostState() }

    // Back in the foreground: the core re-reads the clock (the day may have changed).
    LifecycleEventEffect(Lifecycle.Event.ON_RESUME) { vm.refresh() }

    // Screen-wide messages (not tied to a form field) go to the snackbar.
    val screenWide = message?.takeIf { !it.inline }?.text()
    LaunchedEffect(screenWide) {
        if (screenWide != null) {
            snackbar.showSnackbar(screenWide)
            vm.dismissMessage()
        }
    }

    val failure = openFailed
    if (failure != null) {
        Box(Modifier.fillMaxSize().padding(24.dp), contentAlignment = Alignment.Center) {
            Column {
                Text(stringResource(R.string.open_failed_title), style = MaterialTheme.typography.titleLarge)
                Text(failure.text())
            }
        }
    } else {
        DiaryScreens(vm, nav, snackbar)
    }
}

@Composable
private fun DiaryScreens(vm: CoreViewModel, nav: NavHostController, snackbar: SnackbarHostState) {
    val view by vm.view.collectAsStateWithLifecycle()
    val message by vm.message.collectAsStateWithLifecycle()
    val context = LocalContext.current

    Scaffold(
        snackbarHost = { SnackbarHost(snackbar) },
        bottomBar = { BottomBar(nav, onToday = vm::showToday) },
    ) { padding ->
        NavHost(nav, startDestination = Dest.TODAY.route, modifier = Modifier.padding(padding)) {
            composable(Dest.TODAY.route) {
                LaunchedEffect(Unit) { vm.showToday() }
                var reminderOn by remember { mutableStateOf(ReminderNotifications.isEnabled(context)) }
                val permission = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
                    reminderOn = granted
                    ReminderNotifications.setEnabled(context, granted)
                }
                TodayPage(
                    state = view.todayState,
                    reminderOn = reminderOn,
                    onReminderChange = { on ->
                        if (on && Build.VERSION.SDK_INT >= 33) {
                            permission.launch(Manifest.permission.POST_NOTIFICATIONS)
                        } else {
                            reminderOn = on
                            ReminderNotifications.setEnabled(context, on)
                        }
                    },
                    onOpenGoals = { nav.navigate(Dest.GOALS.route) },
                    onOpenHistory = { nav.navigate(HISTORY) },
                )
            }
            composable(Dest.LOG.route) {
                LogPage(today = vm.today(), message = message?.takeIf { it.inline }) { form, onSaved ->
                    vm.log(form) { onSaved() }
                }
            }
            composable(Dest.GOALS.route) {
                // Active goals come with the Today view model.
                LaunchedEffect(Unit) { vm.showToday() }
                GoalsPage(
                    goals = view.todayState?.goals.orEmpty(),
                    today = vm.today(),
                    message = message?.takeIf { it.inline },
                ) { form, onSaved ->
                    vm.log(form) {
                        onSaved()
                        vm.showToday()
                    }
                }
            }
            composable(Dest.SUMMARY.route) {
                SummaryPage(
                    summary = view.summaryScreen,
                    onShow = vm::showSummary,
                    onShare = { choice ->
                        vm.shareSummary(choice, context.getString(R.string.summary_share)) { context.startActivity(it) }
                    },
                )
            }
            composable(HISTORY) {
                LaunchedEffect(Unit) { vm.showHistory() }
                HistoryPage(entries = (view.screen as? Screen.History)?.entries.orEmpty(), onDelete = vm::delete)
            }
        }
    }
}

@Composable
private fun BottomBar(nav: NavHostController, onToday: () -> Unit) {
    val current by nav.currentBackStackEntryAsState()
    NavigationBar {
        Dest.entries.forEach { dest ->
            NavigationBarItem(
                selected = current?.destination?.route == dest.route,
                onClick = {
                    if (dest == Dest.TODAY) onToday()
                    nav.navigate(dest.route) {
                        popUpTo(Dest.TODAY.route) { saveState = true }
                        launchSingleTop = true
                        restoreState = true
                    }
                },
                icon = { Text(stringResource(dest.label).take(1)) },
                label = { Text(stringResource(dest.label)) },
            )
        }
    }
}
