--TEST--
Mailbox::messages(): Message properties (id, internetMessageId, subject, from, fromName, receivedAt from the UTC receivedDateTime, hasAttachments, size), whatever the local time zone
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--INI--
date.timezone=Pacific/Kiritimati
--ENV--
TZ=America/St_Johns
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$t->addMessage(ADMIN, ['subject' => 'Späte Rechnung №7 – ümlauts', 'received' => '2024-06-30T23:59:59Z',
    'from' => ['name' => 'Müller & Söhne', 'address' => 'rechnung@mueller.example']]);
$m = mb_mailbox($t);
$mock = [];
foreach ($t->messagesIn(ADMIN, 'inbox') as $x) {
    $mock[$x['immutable_id']] = $x;
}
foreach ($m->messages('inbox') as $msg) {
    $x = $mock[$msg->id] ?? null;
    printf("%s | %s <%s> | %s | att=%s | size=%s | imid %s | received %s | size = mock %s\n",
        $msg->subject, var_export($msg->fromName, true), var_export($msg->from, true), gmdate('Y-m-d\TH:i:s\Z', $msg->receivedAt),
        var_export($msg->hasAttachments, true), var_export($msg->size, true),
        $x !== null && $msg->internetMessageId === $x['internet_message_id'] ? 'ok' : 'WRONG',
        $x !== null && $msg->receivedAt === (new DateTimeImmutable($x['received']))->getTimestamp() ? 'ok' : 'WRONG',
        $x !== null && $msg->size === $x['size'] ? 'ok' : 'WRONG');
}
$last = $msg;
show('types', [get_debug_type($last->id), get_debug_type($last->receivedAt), get_debug_type($last->size), get_debug_type($last->hasAttachments)]);
show('epoch', $last->receivedAt === 1719791999);
echo get_class($last), "\n";
?>
--EXPECTF--
Invoice 1 | 'Fabrikam Billing' <'billing@fabrikam.example'> | 2024-01-05T10:01:00Z | att=true | size=%d | imid ok | received ok | size = mock ok
Invoice 2 | 'Fabrikam Billing' <'billing@fabrikam.example'> | 2024-01-05T10:02:00Z | att=true | size=%d | imid ok | received ok | size = mock ok
Invoice 3 | 'Fabrikam Billing' <'billing@fabrikam.example'> | 2024-01-05T10:03:00Z | att=true | size=%d | imid ok | received ok | size = mock ok
No attachment | 'Fabrikam Billing' <'billing@fabrikam.example'> | 2024-01-05T10:04:00Z | att=false | size=%d | imid ok | received ok | size = mock ok
50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf | 'NAME Firstname' <'firstname.name@groupe-company.com'> | 2024-01-05T10:05:00Z | att=true | size=4419 | imid ok | received ok | size = mock ok
Späte Rechnung №7 – ümlauts | 'Müller & Söhne' <'rechnung@mueller.example'> | 2024-06-30T23:59:59Z | att=false | size=%d | imid ok | received ok | size = mock ok
types: ["string","int","int","bool"]
epoch: true
SqzGraph\Message
