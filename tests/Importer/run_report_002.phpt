--TEST--
Importer::run(): the ImportReport's items are the same whichever way they are first read (property, isset, var_dump, print_r, var_export, foreach, casts, json_encode, clone, Reflection, a write or unset refused, the GC)
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$tenant = require __DIR__ . '/../mock-tenant/seeds/_contoso.php';
$t = strtotime('2024-01-05T10:00:00Z');
$messages = [];
for ($i = 1; $i <= 32; $i++) {
    $messages[] = ['subject' => sprintf('Note %02d', $i) . ($i % 5 === 0 ? ' — Grüße' : ''), 'received' => $t + $i * 60];
}
$f = im_start(['tenants' => [$tenant($messages)]]);
$im = im_importer($f, ['max_messages' => 2]);
// Every third message fails (a reason), the others are imported (none).
$fail = [];
foreach ($messages as $i => $m) {
    if ($i % 3 === 1) {
        $fail[im_label($m['subject'])] = 'false';
    }
}
$handler = im_handler($f, ['fail' => $fail, 'save_mime' => false]);

function lines(ImFixture $f, mixed $items): string
{
    if (!is_array($items)) {
        return 'not an array: ' . get_debug_type($items);
    }
    return count($items) . ': ' . implode(', ', array_map(fn ($i) => implode(',', array_keys($i)) . ' '
        . ($f->labels[$i['id']] ?? 'unknown id') . ' [' . $i['subject'] . '] ' . $i['outcome']
        . ($i['reason'] === null ? '' : " ({$i['reason']})"), $items));
}

final class BuiltReport
{
    public readonly array $items;

    public function __construct()
    {
        $this->items = [];
    }
}

function append_refusal(object $o): string
{
    try {
        $o->items[] = 1;
    } catch (Error $e) {
        return $e->getMessage();
    }
    return 'not refused';
}

$ways = [
    'property' => fn ($r) => $r->items,
    'isset, empty' => function ($r) {
        echo isset($r->items) ? 'set, ' : 'not set, ', empty($r->items) ? 'empty; ' : 'not empty; ';
        return $r->items;
    },
    'var_dump' => function ($r) {
        ob_start();
        var_dump($r);
        $out = ob_get_clean();
        echo 'var_dump shows ', preg_match_all('/\["outcome"\]=>/', $out), ' outcomes, ', preg_match('/\["items"\]=>\s+array\(2\)/', $out), ' items array; ';
        return $r->items;
    },
    'print_r' => function ($r) {
        $out = print_r($r, true);
        echo 'print_r shows ', preg_match_all('/\[outcome\] => /', $out), ' outcomes; ';
        return $r->items;
    },
    'var_export' => function ($r) {
        $out = var_export($r, true);
        echo 'var_export shows ', preg_match_all("/'outcome' => /", $out), ' outcomes; ';
        return $r->items;
    },
    'foreach' => function ($r) {
        foreach ($r as $k => $v) {
            if ($k === 'items') {
                return $v;
            }
        }
        return null;
    },
    '(array)' => fn ($r) => ((array) $r)['items'],
    'get_object_vars' => fn ($r) => get_object_vars($r)['items'],
    'json_encode' => fn ($r) => json_decode(json_encode($r), true)['items'],
    'clone' => function ($r) {
        $c = clone $r;
        echo 'clone == original: ', json_encode($c == $r), '; ';
        return $c->items;
    },
    'ReflectionProperty' => function ($r) {
        $p = new ReflectionProperty($r, 'items');
        echo $p->isInitialized($r) ? 'initialized; ' : 'not initialized; ';
        return $p->getValue($r);
    },
    'write refused' => function ($r) {
        try {
            $r->items = [];
        } catch (Error $e) {
            echo $e->getMessage(), '; ';
        }
        return $r->items;
    },
    'unset refused' => function ($r) {
        try {
            unset($r->items);
        } catch (Error $e) {
            echo $e->getMessage(), '; ';
        }
        return $r->items;
    },
    'append refused' => function ($r) {
        // PHP words this refusal differently by version (8.2: "Cannot modify", 8.4: "Cannot
        // indirectly modify"; 8.2 says "indirectly" for an uninitialized property): the report's
        // must be the one the engine gives for an initialized readonly property of its own.
        $control = str_replace('BuiltReport', 'SqzGraph\\ImportReport', append_refusal(new BuiltReport()));
        $refusal = append_refusal($r);
        echo $refusal === $control ? 'refused as an initialized readonly property is' : "refused otherwise: $refusal", '; ';
        return $r->items;
    },
    'the GC first' => function ($r) {
        $cycle = [$r];
        $cycle[] = &$cycle;
        unset($cycle);
        echo gc_collect_cycles() > 0 ? 'collected; ' : 'nothing collected; ';
        return $r->items;
    },
];
foreach ($ways as $way => $read) {
    $r = $im->run($handler);
    echo "$way: ";
    echo lines($f, $read($r)), "\n";
}
$r = $im->run($handler);
echo 'last run: ', $r->imported + $r->failed, ' messages, ', lines($f, $r->items), "\n";
im_where($f);
?>
--EXPECT--
property: 2: id,subject,outcome,reason Note 01 [Note 01] imported, id,subject,outcome,reason Note 02 [Note 02] failed (handler_returned_false)
isset, empty: set, not empty; 2: id,subject,outcome,reason Note 03 [Note 03] imported, id,subject,outcome,reason Note 04 [Note 04] imported
var_dump: var_dump shows 2 outcomes, 1 items array; 2: id,subject,outcome,reason Note 05 — Grüße [Note 05 — Grüße] failed (handler_returned_false), id,subject,outcome,reason Note 06 [Note 06] imported
print_r: print_r shows 2 outcomes; 2: id,subject,outcome,reason Note 07 [Note 07] imported, id,subject,outcome,reason Note 08 [Note 08] failed (handler_returned_false)
var_export: var_export shows 2 outcomes; 2: id,subject,outcome,reason Note 09 [Note 09] imported, id,subject,outcome,reason Note 10 — Grüße [Note 10 — Grüße] imported
foreach: 2: id,subject,outcome,reason Note 11 [Note 11] failed (handler_returned_false), id,subject,outcome,reason Note 12 [Note 12] imported
(array): 2: id,subject,outcome,reason Note 13 [Note 13] imported, id,subject,outcome,reason Note 14 [Note 14] failed (handler_returned_false)
get_object_vars: 2: id,subject,outcome,reason Note 15 — Grüße [Note 15 — Grüße] imported, id,subject,outcome,reason Note 16 [Note 16] imported
json_encode: 2: id,subject,outcome,reason Note 17 [Note 17] failed (handler_returned_false), id,subject,outcome,reason Note 18 [Note 18] imported
clone: clone == original: true; 2: id,subject,outcome,reason Note 19 [Note 19] imported, id,subject,outcome,reason Note 20 — Grüße [Note 20 — Grüße] failed (handler_returned_false)
ReflectionProperty: initialized; 2: id,subject,outcome,reason Note 21 [Note 21] imported, id,subject,outcome,reason Note 22 [Note 22] imported
write refused: Cannot modify readonly property SqzGraph\ImportReport::$items; 2: id,subject,outcome,reason Note 23 [Note 23] failed (handler_returned_false), id,subject,outcome,reason Note 24 [Note 24] imported
unset refused: Cannot unset readonly property SqzGraph\ImportReport::$items; 2: id,subject,outcome,reason Note 25 — Grüße [Note 25 — Grüße] imported, id,subject,outcome,reason Note 26 [Note 26] failed (handler_returned_false)
append refused: refused as an initialized readonly property is; 2: id,subject,outcome,reason Note 27 [Note 27] imported, id,subject,outcome,reason Note 28 [Note 28] imported
the GC first: collected; 2: id,subject,outcome,reason Note 29 [Note 29] failed (handler_returned_false), id,subject,outcome,reason Note 30 — Grüße [Note 30 — Grüße] imported
last run: 2 messages, 2: id,subject,outcome,reason Note 31 [Note 31] imported, id,subject,outcome,reason Note 32 [Note 32] failed (handler_returned_false)
Inbox: 
Exported: Note 01, Note 03, Note 04, Note 06, Note 07, Note 09, Note 10 — Grüße, Note 12, Note 13, Note 15 — Grüße, Note 16, Note 18, Note 19, Note 21, Note 22, Note 24, Note 25 — Grüße, Note 27, Note 28, Note 30 — Grüße, Note 31
Error: Note 02, Note 05 — Grüße, Note 08, Note 11, Note 14, Note 17, Note 20 — Grüße, Note 23, Note 26, Note 29, Note 32
