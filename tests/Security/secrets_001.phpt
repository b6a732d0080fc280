--TEST--
Secrets tour: a delegated sign-in, mailbox listing, MIME and attachment downloads, a refresh, a revoked grant and other failures with a logger; every object dumped every way, every exception's message and trace (with arguments), phpinfo() and the log lines hold no client secret, token, code, verifier or encryption key; the FileStore is 0700 with 0600 files
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--INI--
zend.exception_ignore_args=0
zend.exception_string_param_max_len=1000000
--FILE--
<?php
require __DIR__ . '/security.inc';
$t = MockTenant::start('basic');
$log = [];
$logger = function (string $level, string $message, array $context) use (&$log): void {
    $log[] = "$level $message " . json_encode($context, JSON_UNESCAPED_SLASHES);
};
$key = base64_encode(random_bytes(32));
$dir = sec_tmp('secrets') . '/store';
$options = sec_delegated_options($t->authority, $t->graph, ['logger' => $logger, 'encryption_key' => $key]);
$config = new SqzGraph\Config($options);
$store = new SqzGraph\FileStore($dir);
$auth = new SqzGraph\Authenticator($config, $store);
$sealed = new SqzGraph\SealedStore(new SqzGraph\FileStore($dir), $key);   // to read the real values back
$record = fn () => json_decode($sealed->get('token'), true);

$out = [];            // everything the extension lets out, by where it came from
$dump = function (string $label, mixed $v) use (&$out): void {
    ob_start();
    var_dump($v);
    debug_zval_dump($v);
    echo print_r($v, true), var_export($v, true), json_encode($v), serialize_or_message($v);
    if (is_object($v)) {
        echo print_r((array) $v, true), print_r(get_object_vars($v), true);
    }
    $out[$label] = ob_get_clean();
};
function serialize_or_message(mixed $v): string
{
    try {
        return serialize($v);
    } catch (\Throwable $e) {
        return $e->getMessage();
    }
}
// Failing calls run at the top level, not in closures: a closure in a trace
// would show the test's own variables (the secrets it holds) as its bindings.
$caught = function (string $label, ?\Throwable $e) use (&$out, $dump): void {
    if ($e === null) {
        echo "$label: no exception!\n";
        return;
    }
    echo "$label: ", get_class($e), "\n";
    $out["$label: message"] = $e->getMessage() . "\n" . $e->getTraceAsString() . "\n" . $e;
    $dump("$label: object", $e);
};

// Sign-in: the verifier waits in the (sealed) Store, the code comes back in the redirect.
$begin = $auth->beginAuthorization();
$out['begin'] = json_encode($begin);
$verifier = json_decode($sealed->get('pending:' . hash('sha256', $begin['state'])), true)['verifier'];
$redirect = $t->authorize($begin['url']);
$code = $redirect['query']['code'];
$info = $auth->completeAuthorization($redirect['query']);
$secrets = ['client secret' => SEC_SECRET, 'encryption key' => $key, 'code' => $code, 'verifier' => $verifier,
    'access token' => $record()['access_token'], 'refresh token' => $record()['refresh_token']];
try { $auth->completeAuthorization($redirect['query']); $e = null; } catch (\Throwable $e) {}
$caught('code used twice', $e);

// Graph: folders, messages, MIME, attachments.
$mailbox = new SqzGraph\Mailbox($auth);
$folders = $mailbox->folders();
$inbox = $mailbox->resolveFolder('Inbox');
$messages = iterator_to_array($mailbox->messages($inbox->id), false);
$withAttachment = current(array_filter($messages, fn ($m) => $m->hasAttachments));
$message = $mailbox->message($withAttachment->id);
$files = sec_tmp('files');
$message->saveMime("$files/m.eml");
$attachments = $message->attachments();
$attachments[0]->save("$files/a.bin");
try { $mailbox->message('AAMkAGnope'); $e = null; } catch (\Throwable $e) {}
$caught('unknown message', $e);
$t->fault(['path' => '/\$value$', 'action' => 'drop', 'times' => 1]);
try { $message->saveMime("$files/m2.eml"); $e = null; } catch (\Throwable $e) {}
$caught('dropped download', $e);

// A refresh rotates both tokens; then the grant is revoked.
$auth->refresh(true);
$secrets['refreshed access token'] = $record()['access_token'];
$secrets['refreshed refresh token'] = $record()['refresh_token'];
$t->revokeRefreshTokens(SEC_ADMIN, 70008);
try { $auth->refresh(true); $e = null; } catch (\Throwable $e) {}
$caught('revoked refresh token', $e);
try { $auth->accessToken(); $e = null; } catch (\Throwable $e) {}
$caught('accessToken after revocation', $e);

// Calls whose arguments are secrets, failing: the trace must not show them.
try { new SqzGraph\Config($options + ['bogus' => 1]); $e = null; } catch (\Throwable $e) {}
$caught('bad option next to the secret', $e);
try {
    $auth->importToken(['access_token' => $secrets['access token'], 'refresh_token' => $secrets['refresh token'],
        'expires' => '2030-01-01 00:00:00'], 'Mars/Olympus_Mons');
    $e = null;
} catch (\Throwable $e) {}
$caught('importToken with a bad zone', $e);
try { new SqzGraph\SealedStore($store, ''); $e = null; } catch (\Throwable $e) {}
$caught('SealedStore with an empty key', $e);
try { (new SqzGraph\SealedStore(new SqzGraph\FileStore($dir), base64_encode(random_bytes(32))))->get('token'); $e = null; } catch (\Throwable $e) {}
$caught('wrong key', $e);

foreach (['Config' => $config, 'Authenticator' => $auth, 'TokenInfo' => $info, 'status' => $auth->status(), 'Mailbox' => $mailbox,
    'Folder' => $inbox, 'Message' => $message, 'Attachment' => $attachments[0], 'FileStore' => $store, 'SealedStore' => $sealed,
    'toArray' => $config->toArray(), 'all folders' => $folders, 'all messages' => $messages] as $label => $v) {
    $dump($label, $v);
}
ob_start();
phpinfo();
$out['phpinfo'] = ob_get_clean();
$out['log'] = implode("\n", $log);
echo "log lines: ", count($log) >= 10 ? 'yes' : count($log), "\n";
echo "phpinfo has a sqzgraph section: ", var_export(str_contains($out['phpinfo'], 'sqzgraph'), true), "\n";

// The search: whole values, and the signature of each JWT (its unique part).
$leaks = [];
foreach ($secrets as $what => $value) {
    $needles = [$value];
    if (substr_count($value, '.') === 2) {
        $needles[] = substr($value, strrpos($value, '.') + 1);
    }
    foreach ($needles as $needle) {
        if (strlen($needle) < 16) {
            echo "$what is too short to search for\n";
            continue;
        }
        foreach ($out as $where => $text) {
            if (str_contains($text, $needle) || str_contains($text, json_encode($needle)) || str_contains($text, rawurlencode($needle))) {
                $leaks[] = "$what in $where";
            }
        }
    }
}
// The search itself finds each secret where one is (a dump of the test's own list).
ob_start();
var_dump($secrets);
$control = ob_get_clean();
echo "the search finds each secret in a control text: ", var_export(count(array_filter($secrets, fn ($v) => str_contains($control, $v))) === count($secrets), true), "\n";
echo "places searched: ", count($out), ", secrets: ", implode(', ', array_keys($secrets)), "\n";
echo "leaks: ", $leaks ? implode('; ', array_unique($leaks)) : 'none', "\n";
echo "the secrets are real: ", var_export(strlen($secrets['access token']) > 100 && $secrets['access token'] !== $secrets['refreshed access token'], true), "\n";

// The Store on disk: a private directory, private files, sealed records.
clearstatcache();
printf("store directory: %o\n", fileperms($dir) & 0777);
$modes = [];
foreach (scandir($dir) as $f) {
    if ($f !== '.' && $f !== '..') {
        $modes[sprintf('%o', fileperms("$dir/$f") & 0777)][] = preg_replace('/^k-pending~3A[0-9a-f]+/', 'k-pending~3A…', $f);
    }
}
ksort($modes);
foreach ($modes as $mode => $names) {
    sort($names);
    echo "files $mode: ", implode(' ', array_unique($names)), "\n";
}
$raw = '';
foreach (glob("$dir/*.rec") as $f) {
    $raw .= file_get_contents($f);
}
echo "records on disk hold a secret in clear: ", var_export((bool) array_filter($secrets, fn ($s) => str_contains($raw, $s)), true), "\n";
?>
--EXPECT--
code used twice: SqzGraph\AuthorizationException
unknown message: SqzGraph\GraphException
dropped download: SqzGraph\TransportException
revoked refresh token: SqzGraph\ReauthenticationRequiredException
accessToken after revocation: SqzGraph\ReauthenticationRequiredException
bad option next to the secret: SqzGraph\ConfigException
importToken with a bad zone: ValueError
SealedStore with an empty key: ValueError
wrong key: SqzGraph\StoreException
log lines: yes
phpinfo has a sqzgraph section: true
the search finds each secret in a control text: true
places searched: 34, secrets: client secret, encryption key, code, verifier, access token, refresh token, refreshed access token, refreshed refresh token
leaks: none
the secrets are real: true
store directory: 700
files 600: k-token.lock k-token.rec k-token.status.rec
records on disk hold a secret in clear: false
