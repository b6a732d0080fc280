<?php
// The plain-PHP importer the benchmark compares against: what a PHP developer
// writes by hand with ext/curl and json_decode — one request at a time, one
// move per message. Same job as Importer::run() with the same handler work:
// the MIME to a file and every file attachment to a file.
//   php baseline.php AUTHORITY GRAPH TENANT CLIENT_ID SECRET MAILBOX TARGET_DIR
declare(strict_types=1);

$startRss = getrusage()['ru_maxrss'];    // PHP with its extensions, before any work
[, $authority, $graph, $tenant, $clientId, $secret, $mailbox, $target] = $argv;

function http(string $method, string $url, array $headers = [], ?string $body = null, $sink = null): array
{
    static $ch = null;
    $ch ??= curl_init();
    curl_reset($ch);
    curl_setopt_array($ch, [CURLOPT_URL => $url, CURLOPT_CUSTOMREQUEST => $method, CURLOPT_HTTPHEADER => $headers,
        CURLOPT_RETURNTRANSFER => $sink === null, CURLOPT_ENCODING => '']);
    if ($body !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, $body);
    }
    if ($sink !== null) {
        curl_setopt($ch, CURLOPT_FILE, $sink);
    }
    $out = curl_exec($ch);
    $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
    if ($out === false || $status >= 400) {
        throw new RuntimeException("$method $url: HTTP $status " . curl_error($ch));
    }
    return ['status' => $status, 'json' => is_string($out) ? json_decode($out, true) : null];
}

$token = http('POST', "$authority/$tenant/oauth2/v2.0/token", ['Content-Type: application/x-www-form-urlencoded'],
    http_build_query(['grant_type' => 'client_credentials', 'client_id' => $clientId, 'client_secret' => $secret,
        'scope' => parse_url($graph, PHP_URL_SCHEME) . '://' . parse_url($graph, PHP_URL_HOST) . ':' . parse_url($graph, PHP_URL_PORT) . '/.default']))['json']['access_token'];
$auth = ["Authorization: Bearer $token"];
$root = "$graph/users/" . rawurlencode($mailbox);

$folders = [];
foreach (http('GET', "$root/mailFolders?\$top=100", $auth)['json']['value'] as $f) {
    $folders[$f['displayName']] = $f['id'];
}
$imported = 0;
$url = "$root/mailFolders/" . rawurlencode($folders['Inbox']) . "/messages?\$top=100&\$orderby=receivedDateTime%20asc";
$ids = [];
while ($url) {
    $page = http('GET', $url, $auth)['json'];
    foreach ($page['value'] as $m) {
        $ids[] = $m['id'];
    }
    $url = $page['@odata.nextLink'] ?? null;
}
foreach ($ids as $id) {
    $dir = "$target/" . md5($id);
    @mkdir($dir, 0777, true);
    $fh = fopen("$dir/message.eml", 'w');
    http('GET', "$root/messages/" . rawurlencode($id) . '/$value', $auth, null, $fh);
    fclose($fh);
    foreach (http('GET', "$root/messages/" . rawurlencode($id) . '/attachments', $auth)['json']['value'] as $a) {
        if (($a['@odata.type'] ?? '') === '#microsoft.graph.fileAttachment') {
            file_put_contents("$dir/" . md5($a['id']), base64_decode($a['contentBytes']));
        }
    }
    http('POST', "$root/messages/" . rawurlencode($id) . '/move', array_merge($auth, ['Content-Type: application/json']),
        json_encode(['destinationId' => $folders['Exported']]));
    $imported++;
}
echo json_encode(['imported' => $imported, 'peak_rss_kb' => getrusage()['ru_maxrss'], 'start_rss_kb' => $startRss,
    'cpu_seconds' => (fn ($u) => $u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec'] + ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) / 1e6)(getrusage()),
    'sys_seconds' => (fn ($u) => $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6)(getrusage())]), "\n";
