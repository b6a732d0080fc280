--TEST--
examples/squeeze-admin in Chromium: save, authenticate through the mock tenant's pages, connection test, re-authentication after a tenant change, secret rotation, denied consent, ambiguous folder, folder picker, one remedy for several checks, client credentials' token hint; layout at 1280 px and on a phone
--DESCRIPTION--
Starts the mock tenant (seed "sample") and the admin example with php -S on free loopback
ports, then runs tests/e2e/admin_flow.mjs (playwright-core driving /usr/bin/chromium).
The admin server runs with TZ=America/Los_Angeles and date.timezone=Pacific/Chatham and the
browser in Australia/Adelaide: the page must still show the right UTC and local instants.
Screenshots: $SQZ_SCREENSHOT_DIR, default tests/e2e/screenshots: NN-name.png in a 1280x800
window, NN-name-phone.png at 390x844 (mobile), each after the layout checks (no sideways
scrolling, the check table inside its card). Install what it needs with bash tests/e2e/setup.sh.
--SKIPIF--
<?php
require __DIR__ . '/../skipif.inc';
if (getenv('ZEND_DONT_UNLOAD_MODULES') || getenv('USE_ZEND_ALLOC') === '0') {
    die('skip browser test: not run under valgrind/ASan (Chromium and node under memcheck would take far too long)');
}
if (!is_executable('/usr/bin/chromium')) {
    die('skip browser test: /usr/bin/chromium is missing (bash tests/e2e/setup.sh installs it)');
}
if (!function_exists('proc_open') || !function_exists('curl_init') || !extension_loaded('pdo_sqlite')) {
    die('skip browser test: needs proc_open, ext/curl and pdo_sqlite');
}
$p = @proc_open(['node', '-e', 'require("playwright-core")'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, __DIR__);
if (!is_resource($p)) {
    die('skip browser test: node is missing (bash tests/e2e/setup.sh installs it)');
}
$err = stream_get_contents($pipes[2]);
if (proc_close($p) !== 0) {
    die('skip browser test: node cannot load playwright-core from tests/e2e/node_modules (bash tests/e2e/setup.sh installs it): '
        . strtok(trim($err), "\n"));
}
?>
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../mock-tenant/server.inc';
require_once __DIR__ . '/../php_child.inc';

function free_port(): int
{
    $s = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
    $port = (int) substr(strrchr((string) stream_socket_get_name($s, false), ':'), 1);
    fclose($s);
    return $port;
}

$t = MockTenant::start('sample');
$data = $t->dir . '/admin-data';
$log = $t->dir . '/admin-server.log';
$shots = getenv('SQZ_SCREENSHOT_DIR') ?: __DIR__ . '/screenshots';
@mkdir($shots, 0777, true);
foreach (glob($shots . '/[0-9][0-9]-*.png') ?: [] as $old) {
    unlink($old);
}

// The admin example, in a zone that is neither UTC nor the browser's.
$admin = null;
for ($try = 0; $try < 5 && $admin === null; $try++) {
    $port = free_port();
    $env = getenv();
    unset($env['USE_ZEND_ALLOC'], $env['ZEND_DONT_UNLOAD_MODULES']);
    $env = ['SQUEEZE_ADMIN_DATA' => $data, 'TZ' => 'America/Los_Angeles'] + $env;
    $proc = proc_open(array_merge(sqz_child_php(), ['-d', 'date.timezone=Pacific/Chatham',
        '-d', 'display_errors=0', '-d', 'log_errors=1', '-d', 'error_reporting=-1',
        '-S', "127.0.0.1:$port", __DIR__ . '/../../examples/squeeze-admin/index.php']),
        [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']], $pipes, __DIR__, $env);
    $deadline = microtime(true) + 10;
    while (microtime(true) < $deadline && proc_get_status($proc)['running']) {
        $r = @file_get_contents("http://127.0.0.1:$port/assets/style.css");
        if ($r !== false) {
            $admin = ['proc' => $proc, 'port' => $port];
            break;
        }
        usleep(50000);
    }
    if ($admin === null) {
        proc_terminate($proc);
        proc_close($proc);
    }
}
if ($admin === null) {
    die("the admin example did not start:\n" . @file_get_contents($log));
}
$stopAdmin = function () use (&$admin): void {
    if ($admin !== null) {
        proc_terminate($admin['proc']);
        proc_close($admin['proc']);
        $admin = null;
    }
};
register_shutdown_function($stopAdmin);
$adminUrl = "http://127.0.0.1:{$admin['port']}";
echo "admin example and mock tenant started\n";

// The browser session; its lines are passed on as they come (run-tests.php times out after 60 s of silence).
$nodeErr = $t->dir . '/node.stderr';
$env = ['ADMIN_URL' => $adminUrl, 'MOCK_URL' => $t->baseUrl, 'SQZ_SCREENSHOT_DIR' => $shots] + getenv();
$node = proc_open(['node', __DIR__ . '/admin_flow.mjs'], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'],
    2 => ['file', $nodeErr, 'w']], $pipes, __DIR__, $env);
$deadline = time() + 300;
$buf = '';
while (!feof($pipes[1])) {
    $r = [$pipes[1]];
    $w = $e = null;
    if (time() > $deadline) {
        echo "TIMEOUT: the browser session ran for more than 300 s\n";
        proc_terminate($node, SIGTERM);      // playwright closes Chromium on SIGTERM
        for ($i = 0; $i < 50 && proc_get_status($node)['running']; $i++) {
            usleep(100000);
        }
        proc_terminate($node, SIGKILL);
        break;
    }
    if (@stream_select($r, $w, $e, 5) > 0) {
        $line = fgets($pipes[1]);
        if ($line !== false) {
            echo $line;
            flush();
        }
    }
}
fclose($pipes[1]);
$rc = proc_close($node);
echo "node exit code $rc\n";
if ($rc !== 0) {
    echo "--- node stderr\n", @file_get_contents($nodeErr);
    echo "--- admin server log (tail)\n", implode("\n", array_slice(explode("\n", (string) @file_get_contents($log)), -40)), "\n";
    echo "--- sqzgraph log (tail)\n", implode("\n", array_slice(explode("\n", (string) @file_get_contents("$data/sqzgraph.log")), -30)), "\n";
}
$stopAdmin();

// What the example left on disk and in its log.
printf("config.json %o, store %o\n", fileperms("$data/config.json") & 0777, fileperms("$data/store") & 0777);
$problems = preg_grep('/PHP (Fatal|Warning|Notice|Deprecated|Parse)|Uncaught/', explode("\n", (string) file_get_contents($log)));
echo $problems === [] ? "no PHP error in the admin server log\n" : "PHP errors:\n" . implode("\n", $problems) . "\n";
$secretInLog = str_contains((string) @file_get_contents("$data/sqzgraph.log"), 'Sq~');
echo $secretInLog ? "a secret is in the sqzgraph log\n" : "no secret in the sqzgraph log\n";
$all = glob($shots . '/[0-9][0-9]-*.png') ?: [];
$phone = count(preg_grep('/-phone\.png$/', $all));
printf("screenshots saved: %d at 1280x800, %d on a phone\n", count($all) - $phone, $phone);
?>
--EXPECT--
admin example and mock tenant started
ok 1 - the empty configuration page
ok 2 - fill in the form and save
ok 3 - Authenticate shows the mock tenant sign-in and consent page
ok 4 - accept: back on the redirect endpoint, authorized
ok 5 - mail connection test: every check passes
ok 6 - change the tenant id: re-authentication needed
ok 7 - Authenticate again (the mock remembers the sign-in): authorized
ok 8 - change only the secret (rotation): still authorized, expiry warning
ok 9 - the old secret is deleted in Entra ID; a forced refresh uses the new one
ok 10 - deny consent: the error is shown
ok 11 - a second "Exported" folder: the connection test names both paths
ok 12 - configure the full path "/Exported": no re-authentication, the test passes
ok 13 - the folder picker: visible folders only, a choice fills the text field, typed names and paths still work
ok 14 - a mailbox without Exchange Online: four checks fail with one remedy, shown once
ok 15 - client credentials: the hint to run the connection test only while no token is held
done: 15 steps
node exit code 0
config.json 600, store 700
no PHP error in the admin server log
no secret in the sqzgraph log
screenshots saved: 18 at 1280x800, 7 on a phone
