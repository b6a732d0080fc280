--TEST--
TLS: a server that offers only TLS 1.0/1.1 is refused (curl 35) even where OpenSSL's own configuration would allow them; the same server accepts a client that allows TLS 1.1, so the refusal is sqzgraph's
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$pki = MockTls::pki($t->dir);
$old = MockTls::start($t, $pki['good'], ['min_tls' => '1.0', 'max_tls' => '1.1']);

// Control: the proxy really speaks TLS 1.1 to a client willing to.
$r = $t->http('GET', $old->baseUrl . '/_mock/health', [], null, [CURLOPT_CAINFO => $pki['ca'],
    CURLOPT_SSLVERSION => CURL_SSLVERSION_TLSv1_1 | CURL_SSLVERSION_MAX_TLSv1_1, CURLOPT_SSL_CIPHER_LIST => 'DEFAULT:@SECLEVEL=0']);
echo "ext/curl allowing TLS 1.1: HTTP ", $r['status'], "\n";

// sqzgraph, trusting the CA: refused during the handshake.
$o = sec_cc_options($old->authority, $old->graph, ['ca_file' => $pki['ca']]);
$a = new SqzGraph\Authenticator(new SqzGraph\Config($o), new SqzGraph\FileStore(sec_tmp('tls') . '/store'));
try {
    $a->accessToken();
    echo "TLS 1.1 accepted!\n";
} catch (SqzGraph\TransportException $e) {
    echo "sqzgraph: ", get_class($e), " curlCode=", $e->curlCode(), "\n";
}

// A host whose OpenSSL configuration allows TLS 1.0 at security level 0:
// sqzgraph still insists on TLS 1.2 (its own minimum, not the system's).
$cnf = $t->dir . '/permissive.cnf';
file_put_contents($cnf, "openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n[sys]\n"
    . "MinProtocol = TLSv1\nCipherString = DEFAULT:@SECLEVEL=0\n");
$child = '<?php
$o = json_decode(getenv("SEC_OPTIONS"), true);
$r = curl_init(getenv("SEC_HEALTH"));
curl_setopt_array($r, [CURLOPT_RETURNTRANSFER => true, CURLOPT_CAINFO => $o["ca_file"]]);
curl_exec($r);
echo "ext/curl with defaults: HTTP ", curl_getinfo($r, CURLINFO_RESPONSE_CODE), "\n";
$a = new SqzGraph\Authenticator(new SqzGraph\Config($o), new SqzGraph\FileStore(getenv("SEC_DIR")));
try {
    $a->accessToken();
    echo "sqzgraph: TLS 1.1 accepted!\n";
} catch (SqzGraph\TransportException $e) {
    echo "sqzgraph: ", get_class($e), " curlCode=", $e->curlCode(), "\n";
}';
[$code, $out, $err] = sec_run(sec_php(), ['OPENSSL_CONF' => $cnf, 'SEC_OPTIONS' => json_encode($o),
    'SEC_HEALTH' => $old->baseUrl . '/_mock/health', 'SEC_DIR' => sec_tmp('tls2') . '/store'], $child);
echo "permissive OpenSSL configuration:\n", $out, $code === 0 ? '' : "exit $code: $err\n";

// The same Config against a TLS 1.2+ proxy works (the failure above is the version).
$new = MockTls::start($t, $pki['good']);
$o = sec_cc_options($new->authority, $new->graph, ['ca_file' => $pki['ca']]);
$a = new SqzGraph\Authenticator(new SqzGraph\Config($o), new SqzGraph\FileStore(sec_tmp('tls3') . '/store'));
echo "TLS 1.2+: ", strlen($a->accessToken()) > 100 ? "a token" : "?", "\n";
?>
--EXPECT--
ext/curl allowing TLS 1.1: HTTP 200
sqzgraph: SqzGraph\TransportException curlCode=35
permissive OpenSSL configuration:
ext/curl with defaults: HTTP 200
sqzgraph: SqzGraph\TransportException curlCode=35
TLS 1.2+: a token
