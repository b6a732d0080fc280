--TEST--
TLS: a server whose CA is not trusted is refused (TransportException, curl 60) unless ca_file names that CA; with it, tokens and Graph work over https
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$pki = MockTls::pki($t->dir);
$s = MockTls::start($t, $pki['good']);
echo "proxy: ", preg_replace('/\d+$/', 'PORT', $s->baseUrl), "\n";
$dir = sec_tmp('tls') . '/store';

// 1. The system store does not know the throwaway CA.
$a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($s->authority, $s->graph)), new SqzGraph\FileStore($dir));
try {
    $a->accessToken();
    echo "accepted an untrusted certificate!\n";
} catch (SqzGraph\TransportException $e) {
    echo "without ca_file: ", get_class($e), " curlCode=", $e->curlCode(), "\n";
    echo "  says why: ", str_contains($e->getMessage(), 'certificate') ? 'yes' : $e->getMessage(), "\n";
    echo "  says what to do: ", str_contains($e->getMessage(), 'ca_file') ? 'yes' : $e->getMessage(), "\n";
}
echo "record written: ", var_export(is_file("$dir/k-token.rec"), true), "\n";
echo "token requests that reached the tenant: ", count(array_filter($t->requests(), fn ($r) => str_contains($r['target'], '/token'))), "\n";

// 2. ca_file = the CA: the same server is trusted.
$config = new SqzGraph\Config(sec_cc_options($s->authority, $s->graph, ['ca_file' => $pki['ca']]));
$a = new SqzGraph\Authenticator($config, new SqzGraph\FileStore($dir));
$token = $a->accessToken();
echo "with ca_file: token ", strlen($token) > 100 ? 'ok' : 'short?', "\n";
$m = new SqzGraph\Mailbox($a);
$names = array_map(fn ($f) => $f->path, $m->folders());
echo "folders over https: ", in_array('Inbox', $names, true) && in_array('Exported', $names, true) ? 'ok' : implode(',', $names), "\n";
$inbox = $m->resolveFolder('inbox');
$n = 0;
foreach ($m->messages($inbox->id, ['page_size' => 2]) as $msg) {
    $n++;
}
echo "messages over https (paged, nextLink on the https origin): $n\n";
$hosts = array_unique(array_map(fn ($r) => $r['host'] ?? '?', $t->requests()));
echo "requests named the proxy's host: ", implode(',', array_map(fn ($h) => preg_replace('/\d+$/', 'PORT', (string) $h), $hosts)), "\n";
?>
--EXPECT--
proxy: https://127.0.0.1:PORT
without ca_file: SqzGraph\TransportException curlCode=60
  says why: yes
  says what to do: yes
record written: false
token requests that reached the tenant: 0
with ca_file: token ok
folders over https: ok
messages over https (paged, nextLink on the https origin): 5
requests named the proxy's host: 127.0.0.1:PORT
