<?php
declare(strict_types=1);

/*
 * Command line for the demo script and for humans.
 *
 *   php ctl.php start --state FILE [--port P] [--seed sample] [--latency-ms N] [--pid-file F] [--workers 8]
 *        starts serve.php in the background (own session, log next to the state file),
 *        waits for /_mock/health, prints the base URL (e.g. http://127.0.0.1:8080)
 *   php ctl.php stop --pid-file F
 *   php ctl.php requests --base URL [--since SEQ]      the request log as JSON
 *   php ctl.php clear-requests --base URL
 *   php ctl.php folders --base URL --mailbox UPN       which message is in which folder
 *   php ctl.php seed --base URL --seed NAME
 *   php ctl.php fault --base URL --json '{"path":"/messages","status":429,"retry_after":"2","times":1}'
 *   php ctl.php clear-faults --base URL
 *   php ctl.php latency --base URL --ms N
 *   php ctl.php clock --base URL --offset SECONDS
 *   php ctl.php autoconsent --base URL [--off]
 *   php ctl.php call --base URL --method POST --path revoke --json '{"user":"admin@contoso.example"}'
 */

$cmd = $argv[1] ?? 'help';
$o = [];
for ($i = 2; $i < $argc; $i++) {      // --name value | --name=value | --flag
    if (!str_starts_with($argv[$i], '--')) {
        continue;
    }
    $name = substr($argv[$i], 2);
    if (str_contains($name, '=')) {
        [$name, $v] = explode('=', $name, 2);
        $o[$name] = $v;
    } elseif ($i + 1 < $argc && !str_starts_with($argv[$i + 1], '--')) {
        $o[$name] = $argv[++$i];
    } else {
        $o[$name] = false;
    }
}

function fail(string $msg): never
{
    fwrite(STDERR, "ctl.php: $msg\n");
    exit(1);
}

function call(string $base, string $method, string $path, ?array $body = null): array
{
    $ch = curl_init(rtrim($base, '/') . '/_mock/' . ltrim($path, '/'));
    curl_setopt_array($ch, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30,
        CURLOPT_HTTPHEADER => ['Content-Type: application/json']]
        + ($body === null ? [] : [CURLOPT_POSTFIELDS => json_encode($body, JSON_UNESCAPED_SLASHES)]));
    $out = curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    if ($out === false || $status >= 300) {
        fail("$method $path: " . ($out === false ? curl_error($ch) : "HTTP $status $out"));
    }
    return (array) json_decode((string) $out, true);
}

function need(array $o, string $k): string
{
    if (!isset($o[$k]) || $o[$k] === false) {
        fail("--$k is required");
    }
    return (string) $o[$k];
}

function out(array $data): void
{
    echo json_encode($data, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
}

switch ($cmd) {
    case 'start':
        $state = need($o, 'state');
        @mkdir(dirname($state), 0700, true);
        $portFile = $state . '.port';
        @unlink($portFile);
        $log = $state . '.log';
        $args = [PHP_BINARY, __DIR__ . '/serve.php', '--state', $state, '--port', (string) ($o['port'] ?? 0),
            '--port-file', $portFile, '--workers', (string) ($o['workers'] ?? 8)];
        foreach (['seed', 'latency-ms'] as $k) {
            if (isset($o[$k])) {
                array_push($args, "--$k", (string) $o[$k]);
            }
        }
        // setsid: the server outlives this command and gets its own process group.
        $sh = 'setsid ' . implode(' ', array_map('escapeshellarg', $args)) . ' >> ' . escapeshellarg($log)
            . ' 2>&1 < /dev/null & echo $!';
        $pid = (int) shell_exec($sh);
        $deadline = microtime(true) + 10;
        while (microtime(true) < $deadline) {
            if (is_file($portFile)) {
                $port = (int) file_get_contents($portFile);
                if (@file_get_contents("http://127.0.0.1:$port/_mock/health") !== false) {
                    if (isset($o['pid-file'])) {
                        file_put_contents((string) $o['pid-file'], (string) $pid);
                    }
                    echo "http://127.0.0.1:$port\n";
                    exit(0);
                }
            }
            usleep(50000);
        }
        fail("the mock tenant did not start; log $log:\n" . @file_get_contents($log));
    case 'stop':
        $pid = (int) @file_get_contents(need($o, 'pid-file'));
        if ($pid <= 0) {
            fail('no pid in the pid file');
        }
        @posix_kill(-$pid, SIGTERM) || @posix_kill($pid, SIGTERM);
        for ($i = 0; $i < 100 && @posix_kill($pid, 0); $i++) {
            usleep(50000);
        }
        @unlink((string) $o['pid-file']);
        exit(0);
    case 'requests':
        out(call(need($o, 'base'), 'GET', 'requests' . (isset($o['since']) ? '?since=' . (int) $o['since'] : '')));
        break;
    case 'clear-requests':
        out(call(need($o, 'base'), 'DELETE', 'requests'));
        break;
    case 'folders':
        out(call(need($o, 'base'), 'GET', 'folders/' . rawurlencode(need($o, 'mailbox'))));
        break;
    case 'seed':
        out(call(need($o, 'base'), 'POST', 'seed', ['name' => need($o, 'seed')]));
        break;
    case 'fault':
        out(call(need($o, 'base'), 'POST', 'faults', (array) json_decode(need($o, 'json'), true)));
        break;
    case 'clear-faults':
        out(call(need($o, 'base'), 'DELETE', 'faults'));
        break;
    case 'latency':
        out(call(need($o, 'base'), 'POST', 'latency', ['ms' => (int) need($o, 'ms')]));
        break;
    case 'clock':
        out(call(need($o, 'base'), 'POST', 'clock', ['offset_seconds' => (int) need($o, 'offset')]));
        break;
    case 'autoconsent':
        out(call(need($o, 'base'), 'POST', 'autoconsent', ['enabled' => !isset($o['off'])]));
        break;
    case 'call':
        out(call(need($o, 'base'), strtoupper((string) ($o['method'] ?? 'GET')), need($o, 'path'),
            isset($o['json']) ? (array) json_decode((string) $o['json'], true) : null));
        break;
    default:
        fwrite(STDERR, preg_replace('/^<\?php.*?\/\*|\*\/.*$/s', '', (string) file_get_contents(__FILE__)));
        exit($cmd === 'help' ? 0 : 2);
}
