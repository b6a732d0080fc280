<?php
// The administrator's browser in the demo: opens the authorization URL on the
// bundled mock tenant, signs in as USER, presses Accept (or Deny) on the
// consent page, and prints the URL Microsoft would redirect to.
//   php scripts/demo-browser.php URL [accept|deny] [USER]
declare(strict_types=1);

[$self, $url, $action, $user] = $argv + [1 => '', 2 => 'accept', 3 => 'admin@contoso.example'];
if ($url === '') {
    fwrite(STDERR, "usage: php scripts/demo-browser.php URL [accept|deny] [USER]\n");
    exit(64);
}

function fetch(string $method, string $url, ?string $form = null): array
{
    $ch = curl_init($url);
    curl_setopt_array($ch, [CURLOPT_CUSTOMREQUEST => $method, CURLOPT_RETURNTRANSFER => true, CURLOPT_HEADER => true,
        CURLOPT_FOLLOWLOCATION => false, CURLOPT_TIMEOUT => 30]
        + ($form === null ? [] : [CURLOPT_POSTFIELDS => $form, CURLOPT_HTTPHEADER => ['Content-Type: application/x-www-form-urlencoded']]));
    $raw = curl_exec($ch);
    if ($raw === false) {
        fwrite(STDERR, "demo-browser: $method $url: " . curl_error($ch) . "\n");
        exit(1);
    }
    $size = curl_getinfo($ch, CURLINFO_HEADER_SIZE);
    $headers = substr($raw, 0, $size);
    preg_match('/^location:\s*(\S+)/mi', $headers, $loc);
    return ['status' => curl_getinfo($ch, CURLINFO_RESPONSE_CODE), 'location' => $loc[1] ?? null, 'body' => substr($raw, $size)];
}

$page = fetch('GET', $url);
if ($page['location'] === null) {
    if (!preg_match('~<form id="consent" method="post" action="([^"]+)">~', $page['body'], $form)) {
        fwrite(STDERR, "demo-browser: no consent page (HTTP {$page['status']}): " . trim(strip_tags($page['body'])) . "\n");
        exit(1);
    }
    preg_match('~name="ctx" value="([^"]+)"~', $page['body'], $ctx);
    $origin = parse_url($url, PHP_URL_SCHEME) . '://' . parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
    $page = fetch('POST', $origin . html_entity_decode($form[1]),
        http_build_query(['ctx' => html_entity_decode($ctx[1] ?? ''), 'username' => $user, 'action' => $action]));
}
if ($page['location'] === null) {
    fwrite(STDERR, "demo-browser: the sign-in did not redirect (HTTP {$page['status']})\n");
    exit(1);
}
echo $page['location'], "\n";
