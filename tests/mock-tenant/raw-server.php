<?php
declare(strict_types=1);

/* The process behind RawServer (raw.inc): php raw-server.php DIR */
$dir = $argv[1];
$routes = unserialize(file_get_contents("$dir/routes"));
$served = [];
$l = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
file_put_contents("$dir/port.tmp", substr(strrchr(stream_socket_get_name($l, false), ':'), 1));
rename("$dir/port.tmp", "$dir/port");
while (true) {
    $c = @stream_socket_accept($l, 3600);
    if ($c === false) {
        continue;
    }
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && !feof($c)) {
        $head .= (string) fread($c, 8192);
    }
    [$h, $body] = explode("\r\n\r\n", $head, 2) + [1 => ''];
    if (preg_match('/\r\ncontent-length:\s*(\d+)/i', $h, $m)) {
        while (strlen($body) < (int) $m[1] && !feof($c)) {
            $body .= (string) fread($c, 65536);
        }
    }
    $line = strtok($h, "\r\n");
    [$method, $target] = explode(' ', (string) $line) + [1 => ''];
    file_put_contents("$dir/requests", "$method $target\n", FILE_APPEND);
    $response = "HTTP/1.1 404 X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    foreach ($routes as $i => [$regex, $answers]) {
        if (preg_match($regex, "$method $target")) {
            $list = is_array($answers) && array_is_list($answers) ? $answers : [$answers];
            $n = $served[$i] = ($served[$i] ?? -1) + 1;
            $response = $list[min($n, count($list) - 1)];
            break;
        }
    }
    $raw = is_array($response) ? $response['raw'] : $response;
    $resetAfter = is_array($response) ? ($response['reset_after'] ?? null) : null;
    $out = $resetAfter === null ? $raw : substr($raw, 0, $resetAfter);
    for ($off = 0; $off < strlen($out);) {
        $k = @fwrite($c, substr($out, $off, 1 << 20));
        if ($k === false || $k === 0) {
            break;
        }
        $off += $k;
    }
    if ($resetAfter !== null) {
        // SO_LINGER 0: close() sends a TCP RST ("connection reset by peer").
        usleep(50000);
        $sock = socket_import_stream($c);
        socket_set_option($sock, SOL_SOCKET, SO_LINGER, ['l_onoff' => 1, 'l_linger' => 0]);
    }
    @fclose($c);
}
