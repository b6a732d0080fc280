--TEST--
TLS: a certificate for another host name is refused even from a trusted CA (curl 60), and so is a self-signed certificate the Config does not name; nothing reaches the tenant, nothing is stored
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$pki = MockTls::pki($t->dir);
$dir = sec_tmp('tls') . '/store';

function attempt(MockTls $s, ?string $caFile, string $dir): void
{
    $o = sec_cc_options($s->authority, $s->graph, $caFile === null ? [] : ['ca_file' => $caFile]);
    $a = new SqzGraph\Authenticator(new SqzGraph\Config($o), new SqzGraph\FileStore($dir));
    try {
        $token = $a->accessToken();
        echo "  accessToken(): ", strlen($token) > 100 ? "a token\n" : "?\n";
    } catch (SqzGraph\TransportException $e) {
        echo "  ", get_class($e), " curlCode=", $e->curlCode(), "\n";
        echo "  message: ", preg_replace('/127\.0\.0\.1:\d+|\/[0-9a-f-]{36}\//', '…', $e->getMessage()), "\n";
    }
}

// Issued by the trusted CA, but for graph.example.org: the connection goes to 127.0.0.1.
$wrong = MockTls::start($t, $pki['wrong_host']);
echo "wrong host name, CA trusted:\n";
attempt($wrong, $pki['ca'], $dir);

// A self-signed leaf: untrusted unless the Config names exactly it.
$self = MockTls::start($t, $pki['self_signed']);
echo "self-signed, no ca_file:\n";
attempt($self, null, $dir);
echo "self-signed, ca_file = another CA:\n";
attempt($self, $pki['ca'], $dir);

echo "token requests that reached the tenant: ", count(array_filter($t->requests(), fn ($r) => str_contains($r['target'], '/token'))), "\n";
echo "record written: ", var_export(is_file("$dir/k-token.rec"), true), "\n";

// Verification cannot be switched off: there is no option for it.
foreach (['verify_peer', 'ssl_verify', 'insecure', 'verify'] as $k) {
    try {
        new SqzGraph\Config(sec_cc_options($t->authority, $t->graph, [$k => false]));
        echo "$k accepted!\n";
    } catch (SqzGraph\ConfigException $e) {
        echo "option $k: ConfigException\n";
    }
}
?>
--EXPECTF--
wrong host name, CA trusted:
  SqzGraph\TransportException curlCode=60
  message: token request to https://…: POST …oauth2/v2.0/token failed: SSL: no alternative certificate subject name matches target %r(host name|ipv4 address)%r '127.0.0.1' (curl error 60); the server's TLS certificate is not trusted: install the issuing CA in the system store or set ca_file
self-signed, no ca_file:
  SqzGraph\TransportException curlCode=60
  message: %s(curl error 60)%s
self-signed, ca_file = another CA:
  SqzGraph\TransportException curlCode=60
  message: %s(curl error 60)%s
token requests that reached the tenant: 0
record written: false
option verify_peer: ConfigException
option ssl_verify: ConfigException
option insecure: ConfigException
option verify: ConfigException
