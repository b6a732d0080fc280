--TEST--
Mailbox::saveMime(): a 50 MB message streams to disk: PHP's peak memory and the process's peak RSS (VmHWM) grow by less than 8 MB
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc';
if (!is_readable('/proc/self/status')) die('skip needs /proc/self/status (VmHWM)');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_get_peak_usage() means nothing without the Zend allocator');
?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$r = $t->addMessage(ADMIN, ['subject' => 'Fifty megabytes', 'received' => 1600000000, 'pad_to' => 50 * 1024 * 1024]);
$mock = array_values(array_filter($t->messagesIn(ADMIN, 'inbox'), fn ($x) => $x['subject'] === 'Fifty megabytes'))[0];
$m = mb_mailbox($t);
$dir = mb_tmp();
$m->saveMime(mb_id($t, 'Invoice 1'), "$dir/warm-up.eml");         // the first transfer's buffers are not the message's
// Reset the RSS high-water mark (Linux >= 4.0) so that VmHWM measures this download only.
$reset = @file_put_contents('/proc/self/clear_refs', '5') !== false;
$hwm0 = mb_vmhwm();
$peak0 = memory_get_peak_usage();
$t0 = microtime(true);
$n = $m->saveMime($r['immutable_id'], "$dir/big.eml");
$secs = microtime(true) - $t0;
$peak = memory_get_peak_usage() - $peak0;
$hwm = mb_vmhwm() - $hwm0;
show('bytes', [$n === $mock['size'], filesize("$dir/big.eml") === $n, $n >= 50 * 1024 * 1024]);
show('sha256 = the mock\'s', hash_file('sha256', "$dir/big.eml") === $mock['mime_sha256']);
show('PHP peak grew < 8 MB', $peak < 8 << 20 ? true : "grew $peak bytes");
show('VmHWM grew < 8 MB', $hwm < 8 << 20 ? true : "grew $hwm bytes" . ($reset ? '' : ' (no reset)'));
show('< 15 s', $secs < 15 ? true : $secs);
?>
--EXPECT--
bytes: [true,true,true]
sha256 = the mock's: true
PHP peak grew < 8 MB: true
VmHWM grew < 8 MB: true
< 15 s: true
