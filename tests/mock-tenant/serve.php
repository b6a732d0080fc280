<?php
declare(strict_types=1);

/*
 * Mock tenant launcher: one loopback port, a small dispatcher in front of N
 * single-worker "php -S router.php" backends.
 *
 *   php serve.php --state FILE [--port 0] [--workers 8] [--port-file FILE]
 *                 [--seed NAME] [--latency-ms N] [--parent-pid PID]
 *
 * --parent-pid: stop when that process is gone (server.inc passes the test's pid, so
 * a test that crashes - a segfault skips its shutdown functions - leaves no server behind).
 *
 * Why not just PHP_CLI_SERVER_WORKERS=8? Each php -S worker accepts connections
 * on the shared socket and then serves them one after another; measured here, 5
 * simultaneous requests often land 2-on-1 worker, so they run in sequence. Graph's
 * "4 concurrent requests per mailbox" could then not be observed reliably, and a
 * client's parallel downloads would be serialised at random. The dispatcher gives
 * each connection to an idle backend (queueing when all are busy), and can close
 * a client connection without a byte when the backend asks for it (fault "drop").
 *
 * Prints "http://127.0.0.1:PORT" on stdout when ready (and writes PORT to
 * --port-file). SIGTERM/SIGINT stop the backends and exit.
 */

$opts = getopt('', ['state:', 'port:', 'workers:', 'port-file:', 'seed:', 'latency-ms:', 'parent-pid:']);
$parentPid = (int) ($opts['parent-pid'] ?? 0);
if (!isset($opts['state'])) {
    fwrite(STDERR, "usage: php serve.php --state FILE [--port 0] [--workers 8] [--port-file F] [--seed NAME] [--latency-ms N]\n");
    exit(2);
}
$stateFile = $opts['state'];
$workers = max(1, (int) ($opts['workers'] ?? 8));
$port = (int) ($opts['port'] ?? 0);

require __DIR__ . '/src/autoload.php';
$state = new MockTenant\State($stateFile);   // creates the schema once, before any backend runs
if (isset($opts['seed'])) {
    (new MockTenant\Seeder($state))->load(MockTenant\Seeder::named($opts['seed']));
}
if (isset($opts['latency-ms'])) {
    $state->setSetting('latency_ms', (int) $opts['latency-ms']);
}
unset($state);

if (function_exists('posix_setpgid')) {
    @posix_setpgid(0, 0);   // own process group: a caller can stop us and the backends at once
}

$ctx = stream_context_create(['socket' => ['backlog' => 256, 'so_reuseport' => false]]);
$listener = @stream_socket_server("tcp://127.0.0.1:$port", $errno, $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
if ($listener === false) {
    fwrite(STDERR, "serve.php: cannot listen on 127.0.0.1:$port: $errstr\n");
    exit(1);
}
stream_set_blocking($listener, false);
$port = (int) substr(strrchr(stream_socket_get_name($listener, false), ':'), 1);
$logDir = dirname($stateFile);

/** @return array{proc: resource, port: int, busy: bool, log: string} */
function start_backend(string $stateFile, string $logDir, int $n): array
{
    $log = "$logDir/backend-$n.log";
    for ($attempt = 0; $attempt < 5; $attempt++) {
        @unlink($log);
        $env = getenv();
        unset($env['PHP_CLI_SERVER_WORKERS']);
        $env['MOCK_TENANT_STATE'] = $stateFile;
        $env['MOCK_TENANT_DISPATCHED'] = '1';
        // OPcache keeps the compiled mock between requests (else every request compiles ~3000
        // lines); not under valgrind, where a backend's start-up is slow enough already.
        $opcache = str_contains((string) @file_get_contents('/proc/self/maps'), 'vgpreload') ? '0' : '1';
        $proc = proc_open([PHP_BINARY, '-q', '-d', 'ffi.enable=1', '-d', 'display_errors=stderr', '-d', 'log_errors=0',
            '-d', 'opcache.enable_cli=' . $opcache, '-d', 'opcache.validate_timestamps=1', '-d', 'opcache.revalidate_freq=0',
            '-d', 'pcre.jit=' . ini_get('pcre.jit'),
            '-d', 'memory_limit=256M', '-d', 'default_charset=', '-S', '127.0.0.1:0', __DIR__ . '/router.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']], $pipes, __DIR__, $env);
        // under valgrind (run-tests -m traces children) a backend takes far longer to start
        $deadline = microtime(true) + (str_contains((string) @file_get_contents('/proc/self/maps'), 'vgpreload') ? 120 : 5);
        while (microtime(true) < $deadline) {
            $text = (string) @file_get_contents($log);
            if (preg_match('~Development Server \(http://127\.0\.0\.1:(\d+)\) started~', $text, $m)) {
                return ['proc' => $proc, 'port' => (int) $m[1], 'busy' => false, 'log' => $log];
            }
            if (!proc_get_status($proc)['running']) {
                break;
            }
            usleep(10000);
        }
        proc_terminate($proc);
    }
    fwrite(STDERR, "serve.php: backend $n did not start:\n" . @file_get_contents($log));
    exit(1);
}

$backends = [];
for ($i = 0; $i < $workers; $i++) {
    $backends[$i] = start_backend($stateFile, $logDir, $i);
}

$running = true;
if (function_exists('pcntl_async_signals')) {
    pcntl_async_signals(true);
    foreach ([SIGTERM, SIGINT, SIGHUP] as $sig) {
        pcntl_signal($sig, function () use (&$running): void {
            $running = false;
        });
    }
}

if (isset($opts['port-file'])) {
    file_put_contents($opts['port-file'] . '.tmp', (string) $port);
    rename($opts['port-file'] . '.tmp', $opts['port-file']);
}
fwrite(STDOUT, "http://127.0.0.1:$port\n");

/** @var array<int, array<string, mixed>> $conns */
$conns = [];
$queue = [];
$nextId = 1;
$lastCheck = microtime(true);
const CHUNK = 262144;
const WRITE_CHUNK = 1048576;
const MAX_BUFFER = 4 * 1048576;

$close = function (int $id) use (&$conns, &$backends): void {
    $c = $conns[$id] ?? null;
    if ($c === null) {
        return;
    }
    if (is_resource($c['client'])) {
        @fclose($c['client']);
    }
    if ($c['backend'] !== null && is_resource($c['backend'])) {
        @fclose($c['backend']);
    }
    if ($c['bi'] !== null) {
        $backends[$c['bi']]['busy'] = false;
    }
    unset($conns[$id]);
};

while ($running) {
    // Hand queued connections to idle backends, in arrival order.
    while ($queue !== []) {
        $idle = null;
        foreach ($backends as $bi => $b) {
            if (!$b['busy']) {
                $idle = $bi;
                break;
            }
        }
        if ($idle === null) {
            break;
        }
        $id = array_shift($queue);
        if (!isset($conns[$id])) {
            continue;
        }
        $s = @stream_socket_client('tcp://127.0.0.1:' . $backends[$idle]['port'], $e1, $e2, 5);
        if ($s === false) {
            $close($id);
            continue;
        }
        stream_set_blocking($s, false);
        $backends[$idle]['busy'] = true;
        $conns[$id]['backend'] = $s;
        $conns[$id]['bi'] = $idle;
    }

    // Buffers are touched only through $conns[$id][...]: a by-value copy of a connection (as a
    // foreach would make) shares its buffer string, and the next append then copies all of it —
    // quadratic in the size of a 4 MB $batch answer. Sent bytes advance an offset instead of
    // cutting the buffer's head off.
    $r = [$listener];
    $w = [];
    $owner = [];    // socket number => [connection id, 'client' | 'backend']
    foreach ($conns as $id => $c) {
        $owner[(int) $c['client']] = [$id, 'client'];
        if (!$c['clientEof'] && strlen($c['c2b']) - $c['c2bOff'] < MAX_BUFFER) {
            $r[] = $c['client'];
        }
        if ($c['backend'] !== null) {
            $owner[(int) $c['backend']] = [$id, 'backend'];
            if (strlen($c['b2c']) - $c['b2cOff'] < MAX_BUFFER) {
                $r[] = $c['backend'];
            }
            if (strlen($c['c2b']) > $c['c2bOff']) {
                $w[] = $c['backend'];
            }
        }
        if (strlen($c['b2c']) > $c['b2cOff']) {
            $w[] = $c['client'];
        }
    }
    unset($c);
    $e = null;
    $n = @stream_select($r, $w, $e, 0, 200000);
    if ($n === false) {
        continue;   // interrupted by a signal
    }
    foreach ($r as $sock) {
        if ($sock === $listener) {
            while (($client = @stream_socket_accept($listener, 0)) !== false) {
                stream_set_blocking($client, false);
                $id = $nextId++;
                $conns[$id] = ['client' => $client, 'backend' => null, 'bi' => null, 'c2b' => '', 'c2bOff' => 0,
                    'b2c' => '', 'b2cOff' => 0, 'head' => '', 'headDone' => false, 'clientEof' => false];
                $queue[] = $id;
            }
            continue;
        }
        [$id, $side] = $owner[(int) $sock] ?? [null, null];
        if ($id === null || !isset($conns[$id])) {
            continue;
        }
        if ($side === 'client') {
            $data = @fread($sock, CHUNK);
            if ($data === '' || $data === false) {
                if (feof($sock)) {
                    $conns[$id]['clientEof'] = true;
                    if ($conns[$id]['backend'] === null) {
                        $close($id);     // gone before it was served
                    }
                }
            } else {
                $conns[$id]['c2b'] .= $data;
            }
            continue;
        }
        $data = @fread($sock, CHUNK);
        if ($data === '' || $data === false) {
            if (feof($sock)) {
                // Backend finished (php -S closes after each response).
                if (!$conns[$id]['headDone'] && $conns[$id]['head'] !== '') {
                    $conns[$id]['b2c'] .= $conns[$id]['head'];
                }
                @fclose($sock);
                $backends[$conns[$id]['bi']]['busy'] = false;
                $conns[$id]['backend'] = null;
                $conns[$id]['bi'] = null;
                $conns[$id]['done'] = true;
                if (strlen($conns[$id]['b2c']) === $conns[$id]['b2cOff']) {
                    $close($id);
                }
            }
        } elseif (!$conns[$id]['headDone']) {
            $head = $conns[$id]['head'] . $data;
            $end = strpos($head, "\r\n\r\n");
            if ($end === false) {
                $conns[$id]['head'] = $head;
            } elseif (preg_match('/\r\nX-Mock-Drop: 1\r\n/i', substr($head, 0, $end + 2))) {
                $close($id);   // fault "drop": close the client without sending anything
            } else {
                $conns[$id]['headDone'] = true;
                $conns[$id]['head'] = '';
                $conns[$id]['b2c'] .= $head;
            }
        } else {
            $conns[$id]['b2c'] .= $data;
        }
    }
    foreach ($w as $sock) {
        [$id, $side] = $owner[(int) $sock] ?? [null, null];
        if ($id === null || !isset($conns[$id])) {
            continue;
        }
        $buf = $side === 'backend' ? 'c2b' : 'b2c';
        $off = $buf . 'Off';
        if (strlen($conns[$id][$buf]) <= $conns[$id][$off]) {
            continue;
        }
        $k = @fwrite($sock, substr($conns[$id][$buf], $conns[$id][$off], WRITE_CHUNK));
        if ($k === false || ($k === 0 && $side === 'client' && feof($sock))) {
            $close($id);
            continue;
        }
        $conns[$id][$off] += $k;
        if ($conns[$id][$off] >= strlen($conns[$id][$buf])) {
            $conns[$id][$buf] = '';
            $conns[$id][$off] = 0;
            if ($side === 'client' && !empty($conns[$id]['done'])) {
                $close($id);
            }
        } elseif ($conns[$id][$off] > MAX_BUFFER) {
            $conns[$id][$buf] = substr($conns[$id][$buf], $conns[$id][$off]);
            $conns[$id][$off] = 0;
        }
    }
    // Restart a backend that died (it should not, but a test run must not hang on it).
    if (microtime(true) - $lastCheck > 1.0) {
        $lastCheck = microtime(true);
        if ($parentPid > 0 && function_exists('posix_kill') && !@posix_kill($parentPid, 0) && posix_get_last_error() === 3) {
            $orphaned = true;   // ESRCH: the test that started us is gone
            break;
        }
        foreach ($backends as $bi => $b) {
            if (!proc_get_status($b['proc'])['running']) {
                foreach ($conns as $id => $c) {
                    if ($c['bi'] === $bi) {
                        $close($id);
                    }
                }
                $backends[$bi] = start_backend($stateFile, $logDir, $bi);
            }
        }
    }
}

foreach ($backends as $b) {
    proc_terminate($b['proc'], SIGTERM);
}
foreach ($backends as $b) {
    proc_close($b['proc']);
}
// The test died without its shutdown function: remove the private directory server.inc made for us.
$own = dirname($stateFile);
if (!empty($orphaned) && str_starts_with(basename($own), 'mock-tenant-') && dirname($own) === rtrim(sys_get_temp_dir(), '/')) {
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($own, FilesystemIterator::SKIP_DOTS),
        RecursiveIteratorIterator::CHILD_FIRST);
    foreach ($it as $f) {
        $f->isDir() ? @rmdir($f->getPathname()) : @unlink($f->getPathname());
    }
    @rmdir($own);
}
exit(0);
