<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Toonbank</name>
    <message>
        <source>No barcode was scanned or typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode %1 contains characters other than digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Barcode %1 has %n digit(s); a barcode has 8, 12 or 13.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The check digit of barcode %1 is wrong. Please scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN could not be secured. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN consists of digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No VAT rate is known for class &quot;%1&quot; in %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt printer is not reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a demo cache with toonbank-demogen --out FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cache does not name a store for this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parked sale could not be saved or read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This parked sale was already resumed on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale could not be saved. Nothing was recorded; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal has been altered at entry %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data received is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale does not add up: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::ReceiptLayout</name>
    <message>
        <source>*** TRAINING — NOT A RECEIPT ***</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your visit!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::CheckoutService</name>
    <message>
        <source>A quantity must be between 0 and 9999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is no longer in the basket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or park the current sale before resuming another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This parked sale was already resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sale with a negative total needs a refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not enough: %2 is due.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ProductService</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::Session</name>
    <message>
        <source>%1 does not work in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor or manager can change this setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock time cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::LoginScreen</name>
    <message>
        <source>Tap your name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toonbank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after a period without use. Tap your name and enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tap your name and enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>offline — %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ParkedScreen</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::PayScreen</name>
    <message>
        <source>Cash payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ProductScreen</name>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo not in the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 out of 5 · %n review(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;SKU&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Barcodes&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sold in the web shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Web shop delivery: %n working day(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to basket</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReceiptScreen</name>
    <message>
        <source>Sale %1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt has been printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SellScreen</name>
    <message>
        <source>%1
now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale parked. Find it under Menu → Parked sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(was %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT %1: %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Basket (%n item(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, brand, SKU or barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::TopBar</name>
    <message numerus="yes">
        <source>offline — %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
