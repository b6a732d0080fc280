--TEST--
HTTPS: tls-proxy.php (tls.inc) in front of the tenant: throwaway CA, verified by ext/curl only with the CA; https:// origin in tokens and nextLinks; a TLS 1.1-only proxy; faults pass through
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!extension_loaded('pcntl') || !extension_loaded('posix')) die('skip ext/pcntl and ext/posix are needed by tls-proxy.php'); ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
require __DIR__ . '/../mock-tenant/tls.inc';
$t = MockTenant::start('basic');
$pki = MockTls::pki($t->dir);
$certs = array_map(fn ($c) => openssl_x509_parse(file_get_contents(is_array($c) ? $c['cert'] : $c)), $pki);
show('CA', [$certs['ca']['subject']['CN'], $certs['ca']['extensions']['basicConstraints']]);
show('good', [$certs['good']['extensions']['subjectAltName'], $certs['good']['issuer']['CN']]);
show('wrong_host', [$certs['wrong_host']['extensions']['subjectAltName'], $certs['wrong_host']['issuer']['CN']]);
show('self_signed', $certs['self_signed']['issuer']['CN']);

$s = MockTls::start($t, $pki['good']);
show('base', preg_replace('/\d+$/', 'PORT', $s->baseUrl));
$ca = [CURLOPT_CAINFO => $pki['ca']];
$r = $t->http('GET', $s->baseUrl . '/_mock/health', [], null, $ca);
show('with the CA', [$r['status'], $r['json']['ok'] ?? null]);
$r = $t->http('GET', $s->baseUrl . '/_mock/health');
show('without', [$r['status'], $r['errno']]);

// The tenant sees https and the proxy's port: token audience and nextLinks follow.
$r = $t->http('POST', $s->baseUrl . '/' . TENANT . '/oauth2/v2.0/token', ['Content-Type: application/x-www-form-urlencoded'],
    http_build_query(['grant_type' => 'client_credentials', 'client_id' => CLIENT, 'client_secret' => SECRET,
        'scope' => $s->baseUrl . '/.default']), $ca);
$tok = $r['json']['access_token'];
show('token aud', jwtClaims($tok)['aud'] === $s->baseUrl);
$r = $t->http('GET', $s->graph . '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox/messages?$top=2', ["Authorization: Bearer $tok"], null, $ca);
show('nextLink', [$r['status'], str_starts_with($r['json']['@odata.nextLink'], $s->baseUrl . '/v1.0/')]);
$t->fault(['path' => 'inbox/messages', 'status' => 503, 'retry_after' => '1', 'times' => 1]);
$r = $t->http('GET', $s->graph . '/users/' . rawurlencode(ADMIN) . '/mailFolders/inbox/messages', ["Authorization: Bearer $tok"], null, $ca);
show('fault through TLS', [$r['status'], $r['headers']['retry-after'] ?? null]);
$big = $t->addMessage(ADMIN, ['subject' => 'big', 'pad_to' => 3 << 20]);
$r = $t->http('GET', $s->graph . '/users/' . rawurlencode(ADMIN) . '/messages/' . rawurlencode($big['id']) . '/$value',
    ["Authorization: Bearer $tok"], null, $ca);
show('3 MiB through TLS', [$r['status'], strlen($r['body']) >= 3 << 20]);

// Old protocols only: refused by a default client, served to one that allows TLS 1.1.
$old = MockTls::start($t, $pki['good'], ['min_tls' => '1.0', 'max_tls' => '1.1']);
$r = $t->http('GET', $old->baseUrl . '/_mock/health', [], null, $ca + [CURLOPT_SSLVERSION => CURL_SSLVERSION_TLSv1_2]);
show('TLS 1.1-only vs client min 1.2', [$r['status'], $r['errno']]);
$r = $t->http('GET', $old->baseUrl . '/_mock/health', [], null, $ca + [CURLOPT_SSLVERSION => CURL_SSLVERSION_TLSv1_1 | CURL_SSLVERSION_MAX_TLSv1_1,
    CURLOPT_SSL_CIPHER_LIST => 'DEFAULT:@SECLEVEL=0']);
show('TLS 1.1-only vs client allowing 1.1', [$r['status'], curl_version()['ssl_version'] !== '' ? 'ok' : '?']);
$s->stop();
$r = $t->http('GET', $s->baseUrl . '/_mock/health', [], null, $ca);
show('after stop', [$r['status'], $r['errno']]);
?>
--EXPECT--
CA: ["sqzgraph test CA","CA:TRUE"]
good: ["IP Address:127.0.0.1, DNS:localhost","sqzgraph test CA"]
wrong_host: ["DNS:graph.example.org","sqzgraph test CA"]
self_signed: '127.0.0.1'
base: 'https://127.0.0.1:PORT'
with the CA: [200,true]
without: [0,60]
token aud: true
nextLink: [200,true]
fault through TLS: [503,"1"]
3 MiB through TLS: [200,true]
TLS 1.1-only vs client min 1.2: [0,35]
TLS 1.1-only vs client allowing 1.1: [200,"ok"]
after stop: [0,7]
