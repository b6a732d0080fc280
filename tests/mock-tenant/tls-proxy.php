<?php
declare(strict_types=1);

/*
 * HTTPS in front of the mock tenant, for the TLS tests (tests/Security).
 *
 *   php tls-proxy.php --backend PORT --cert FILE --key FILE [--port 0] [--port-file F]
 *                     [--min-tls 1.2] [--max-tls 1.3]
 *
 * Terminates TLS on 127.0.0.1 with the given certificate and pipes each
 * connection, in a forked child, to the plain dispatcher (serve.php) on
 * 127.0.0.1:BACKEND. The first request head of a connection gets
 * "X-Forwarded-Proto: https", so the mock builds https:// URLs (nextLink,
 * token audience) for the proxy's port, which the Host header names.
 * --min-tls/--max-tls (1.0 .. 1.3) choose the protocol versions offered;
 * below 1.2 the proxy lowers OpenSSL's security level so that an old
 * protocol is really offered (a client must be the one refusing it).
 * A handshake the client aborts (untrusted CA, wrong host name, old
 * protocol) only ends that child. Prints "https://127.0.0.1:PORT" when
 * ready (and writes PORT to --port-file). SIGTERM stops it.
 * Normally started through tests/mock-tenant/tls.inc.
 */

$opts = getopt('', ['backend:', 'cert:', 'key:', 'port:', 'port-file:', 'min-tls:', 'max-tls:']);
if (!isset($opts['backend'], $opts['cert'], $opts['key'])) {
    fwrite(STDERR, "usage: php tls-proxy.php --backend PORT --cert FILE --key FILE [--port 0] [--port-file F] [--min-tls V] [--max-tls V]\n");
    exit(2);
}
$backend = (int) $opts['backend'];
$min = (string) ($opts['min-tls'] ?? '1.2');
$max = (string) ($opts['max-tls'] ?? '1.3');
$versions = [
    '1.0' => STREAM_CRYPTO_METHOD_TLSv1_0_SERVER,
    '1.1' => STREAM_CRYPTO_METHOD_TLSv1_1_SERVER,
    '1.2' => STREAM_CRYPTO_METHOD_TLSv1_2_SERVER,
    '1.3' => STREAM_CRYPTO_METHOD_TLSv1_3_SERVER,
];
$method = 0;
foreach ($versions as $v => $m) {
    if (version_compare($v, $min, '>=') && version_compare($v, $max, '<=')) {
        $method |= $m;
    }
}
if ($method === 0) {
    fwrite(STDERR, "tls-proxy: no TLS version between $min and $max\n");
    exit(2);
}
$ssl = ['local_cert' => $opts['cert'], 'local_pk' => $opts['key'], 'crypto_method' => $method,
    'verify_peer' => false, 'disable_compression' => true];
if (version_compare($min, '1.2', '<')) {
    // OpenSSL 3 refuses TLS 1.0/1.1 at security level 1 and above, on either side.
    $ssl['security_level'] = 0;
    $ssl['ciphers'] = 'DEFAULT:@SECLEVEL=0';
}
$ctx = stream_context_create(['ssl' => $ssl, 'socket' => ['backlog' => 64]]);
$listener = @stream_socket_server('tcp://127.0.0.1:' . (int) ($opts['port'] ?? 0), $errno, $errstr,
    STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $ctx);
if ($listener === false) {
    fwrite(STDERR, "tls-proxy: cannot listen: $errstr\n");
    exit(1);
}
$port = (int) substr(strrchr(stream_socket_get_name($listener, false), ':'), 1);

if (function_exists('posix_setpgid')) {
    @posix_setpgid(0, 0);   // own process group: the caller stops us and our children at once
}
pcntl_async_signals(true);
pcntl_signal(SIGCHLD, SIG_IGN);   // children are reaped by the kernel
$running = true;
foreach ([SIGTERM, SIGINT, SIGHUP] as $sig) {
    pcntl_signal($sig, function () use (&$running): void {
        $running = false;
    });
}
if (isset($opts['port-file'])) {
    file_put_contents($opts['port-file'] . '.tmp', (string) $port);
    rename($opts['port-file'] . '.tmp', $opts['port-file']);
}
fwrite(STDOUT, "https://127.0.0.1:$port\n");

/** One connection: handshake, then bytes both ways until the backend is done. */
function serve($client, int $backend, int $method): void
{
    stream_set_timeout($client, 30);
    // Accepted sockets carry the listener's context, hence its ssl options.
    if (@stream_socket_enable_crypto($client, true, $method) !== true) {
        return;   // the client refused us (or we it): nothing to forward
    }
    $b = @stream_socket_client("tcp://127.0.0.1:$backend", $e1, $e2, 5);
    if ($b === false) {
        return;
    }
    stream_set_blocking($client, false);
    stream_set_blocking($b, false);
    $up = '';          // client → backend
    $down = '';        // backend → client
    $head = '';        // the first request head, until it is complete
    $headDone = false;
    $clientEof = false;
    $backendEof = false;
    $deadline = microtime(true) + 300;
    while (microtime(true) < $deadline) {
        $r = [];
        $w = [];
        if (!$clientEof) {
            $r[] = $client;
        }
        if (!$backendEof) {
            $r[] = $b;
        }
        if ($up !== '') {
            $w[] = $b;
        }
        if ($down !== '') {
            $w[] = $client;
        }
        $e = null;
        if ($r === [] && $w === []) {
            break;
        }
        @stream_select($r, $w, $e, 0, 50000);
        // TLS may hold decrypted bytes select() cannot see: always try to read.
        if (!$clientEof) {
            $data = @fread($client, 65536);
            if ($data === false || ($data === '' && feof($client))) {
                $clientEof = true;
                if (!$headDone && $head !== '') {
                    $up .= $head;
                    $head = '';
                }
            } elseif ($data !== '') {
                if ($headDone) {
                    $up .= $data;
                } else {
                    $head .= $data;
                    $end = strpos($head, "\r\n");
                    if ($end !== false && strpos($head, "\r\n\r\n") !== false) {
                        $up .= substr($head, 0, $end + 2) . "X-Forwarded-Proto: https\r\n" . substr($head, $end + 2);
                        $head = '';
                        $headDone = true;
                    }
                }
            }
        }
        if (!$backendEof) {
            $data = @fread($b, 65536);
            if ($data === false || ($data === '' && feof($b))) {
                $backendEof = true;
            } elseif ($data !== '') {
                $down .= $data;
            }
        }
        if ($up !== '') {
            $n = @fwrite($b, $up);
            if ($n === false) {
                break;
            }
            $up = (string) substr($up, $n);
        }
        if ($clientEof && $up === '' && !$backendEof) {
            @stream_socket_shutdown($b, STREAM_SHUT_WR);
        }
        if ($down !== '') {
            $n = @fwrite($client, $down);
            if ($n === false) {
                break;
            }
            $down = (string) substr($down, $n);
        }
        if ($backendEof && $down === '') {
            break;   // the mock closes after every response: so do we
        }
    }
    @fclose($b);
}

while ($running) {
    $client = @stream_socket_accept($listener, 1);
    if ($client === false) {
        continue;
    }
    $pid = pcntl_fork();
    if ($pid === 0) {
        foreach ([SIGTERM, SIGINT, SIGHUP] as $sig) {
            pcntl_signal($sig, SIG_DFL);   // a stop ends an open connection too
        }
        fclose($listener);
        serve($client, $backend, $method);
        @fclose($client);
        exit(0);
    }
    fclose($client);
}
exit(0);
