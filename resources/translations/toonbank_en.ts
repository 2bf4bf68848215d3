<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Core::Tr</name>
    <message>
        <source>The product cache %1 is damaged. It will be rebuilt at the next sync.</source>
        <translation>The product cache %1 is damaged. It will be rebuilt at the next sync.</translation>
    </message>
    <message>
        <source>The product cache %1 could not be opened.</source>
        <translation>The product cache %1 could not be opened.</translation>
    </message>
    <message>
        <source>This staff account does not exist or is no longer active.</source>
        <translation>This staff account does not exist or is no longer active.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Too many wrong PINs: this account is locked for %n minute(s).</source>
        <translation>
            <numerusform>Wrong PIN. Too many wrong PINs: this account is locked for %n minute.</numerusform>
            <numerusform>Wrong PIN. Too many wrong PINs: this account is locked for %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>Too many wrong PINs: this account is locked for %n more minute.</numerusform>
            <numerusform>Too many wrong PINs: this account is locked for %n more minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The product cache could not be read or written.</source>
        <translation>The product cache could not be read or written.</translation>
    </message>
    <message>
        <source>No customer with this card is known on this tablet.</source>
        <translation>No customer with this card is known on this tablet.</translation>
    </message>
    <message>
        <source>The customer data on this tablet cannot be read. It will be fetched again at the next sync.</source>
        <translation>The customer data on this tablet cannot be read. It will be fetched again at the next sync.</translation>
    </message>
    <message>
        <source>The payment terminal sent a message the till cannot read.</source>
        <translation>The payment terminal sent a message the till cannot read.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Try again when the tablet is online.</source>
        <translation>The server cannot be reached. Try again when the tablet is online.</translation>
    </message>
    <message>
        <source>No sale or order with this number was found. Check the number.</source>
        <translation>No sale or order with this number was found. Check the number.</translation>
    </message>
    <message>
        <source>This order is from another shop and cannot be returned here.</source>
        <translation>This order is from another shop and cannot be returned here.</translation>
    </message>
    <message>
        <source>This is a return receipt. A refund cannot be returned.</source>
        <translation>This is a return receipt. A refund cannot be returned.</translation>
    </message>
    <message>
        <source>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</source>
        <translation>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</translation>
    </message>
    <message>
        <source>Someone else returned some of these items first. The lines show what can still be returned.</source>
        <translation>Someone else returned some of these items first. The lines show what can still be returned.</translation>
    </message>
    <message>
        <source>The server refused the return.</source>
        <translation>The server refused the return.</translation>
    </message>
</context>
<context>
    <name>ReceiptPdf</name>
    <message>
        <source>The receipt could not be made into a PDF.</source>
        <translation>The receipt could not be made into a PDF.</translation>
    </message>
</context>
<context>
    <name>ServerLookups</name>
    <message>
        <source>Gift cards and store credit need a connection to the server. Try again when the tablet is online, or choose another way to pay.</source>
        <translation>Gift cards and store credit need a connection to the server. Try again when the tablet is online, or choose another way to pay.</translation>
    </message>
</context>
<context>
    <name>Toonbank</name>
    <message>
        <source>No barcode was scanned or typed.</source>
        <translation>No barcode was scanned or typed.</translation>
    </message>
    <message>
        <source>Barcode %1 contains characters other than digits.</source>
        <translation>Barcode %1 contains characters other than digits.</translation>
    </message>
    <message numerus="yes">
        <source>Barcode %1 has %n digit(s); a barcode has 8, 12 or 13.</source>
        <translation>
            <numerusform>Barcode %1 has %n digit; a barcode has 8, 12 or 13.</numerusform>
            <numerusform>Barcode %1 has %n digits; a barcode has 8, 12 or 13.</numerusform>
        </translation>
    </message>
    <message>
        <source>The check digit of barcode %1 is wrong. Please scan it again.</source>
        <translation>The check digit of barcode %1 is wrong. Please scan it again.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid amount.</source>
        <translation>&quot;%1&quot; is not a valid amount.</translation>
    </message>
    <message>
        <source>The PIN could not be secured. Please try again.</source>
        <translation>The PIN could not be secured. Please try again.</translation>
    </message>
    <message>
        <source>Please enter a PIN.</source>
        <translation>Please enter a PIN.</translation>
    </message>
    <message>
        <source>A PIN consists of digits only.</source>
        <translation>A PIN consists of digits only.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>A PIN has 4 to 8 digits.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>No VAT rate is known for class &quot;%1&quot; in %2 on %3.</source>
        <translation>No VAT rate is known for class &quot;%1&quot; in %2 on %3.</translation>
    </message>
    <message>
        <source>The receipt printer is not reachable.</source>
        <translation>The receipt printer is not reachable.</translation>
    </message>
    <message>
        <source>Create a demo cache with toonbank-demogen --out FILE.</source>
        <translation>Create a demo cache with toonbank-demogen --out FILE.</translation>
    </message>
    <message>
        <source>This cache does not name a store for this device.</source>
        <translation>This cache does not name a store for this device.</translation>
    </message>
    <message>
        <source>The parked sale could not be saved or read.</source>
        <translation>The parked sale could not be saved or read.</translation>
    </message>
    <message>
        <source>This parked sale was already resumed on this device.</source>
        <translation>This parked sale was already resumed on this device.</translation>
    </message>
    <message>
        <source>The sale could not be saved. Nothing was recorded; please try again.</source>
        <translation>The sale could not be saved. Nothing was recorded; please try again.</translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation>The basket is empty.</translation>
    </message>
    <message>
        <source>The journal has been altered at entry %1.</source>
        <translation>The journal has been altered at entry %1.</translation>
    </message>
    <message>
        <source>The data received is not valid: %1</source>
        <translation>The data received is not valid: %1</translation>
    </message>
    <message>
        <source>The sale does not add up: %1</source>
        <translation>The sale does not add up: %1</translation>
    </message>
    <message>
        <source>No product has the barcode %1.</source>
        <translation>No product has the barcode %1.</translation>
    </message>
    <message>
        <source>This product is no longer in the catalog.</source>
        <translation>This product is no longer in the catalog.</translation>
    </message>
    <message>
        <source>This store is not in the chain&apos;s list of locations.</source>
        <translation>This store is not in the chain&apos;s list of locations.</translation>
    </message>
    <message>
        <source>Product %1 has an invalid barcode %2.</source>
        <translation>Product %1 has an invalid barcode %2.</translation>
    </message>
    <message>
        <source>There is no product cache at %1 yet.</source>
        <translation>There is no product cache at %1 yet.</translation>
    </message>
    <message>
        <source>The product cache was written by a newer Toonbank. Update the app.</source>
        <translation>The product cache was written by a newer Toonbank. Update the app.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before this account is locked.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before this account is locked.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before this account is locked.</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo chain holds %1 to %2 products.</source>
        <translation>The demo chain holds %1 to %2 products.</translation>
    </message>
    <message>
        <source>Writes the product cache of the Toonbank demo chain: 12 stores in the Netherlands and Belgium, a web warehouse in Tilburg, 5 staff per store and N products with barcodes, variants, promotions and stock everywhere.
The tablet&apos;s home is the first store (Amsterdam).

Demo PINs (every staff member has their own salt):
  cashier     %1   (staff E1001-E1003 in Amsterdam, 3 per store)
  supervisor  %2   (E1004 in Amsterdam, 1 per store)
  manager     %3   (E1005 in Amsterdam, 1 per store)</source>
        <translation>Writes the product cache of the Toonbank demo chain: 12 stores in the Netherlands and Belgium, a web warehouse in Tilburg, 5 staff per store and N products with barcodes, variants, promotions and stock everywhere.
The tablet&apos;s home is the first store (Amsterdam).

Demo PINs (every staff member has their own salt):
  cashier     %1   (staff E1001-E1003 in Amsterdam, 3 per store)
  supervisor  %2   (E1004 in Amsterdam, 1 per store)
  manager     %3   (E1005 in Amsterdam, 1 per store)</translation>
    </message>
    <message>
        <source>The cache file to write.</source>
        <translation>The cache file to write.</translation>
    </message>
    <message>
        <source>Number of products, %1 to %2 (default 10000).</source>
        <translation>Number of products, %1 to %2 (default 10000).</translation>
    </message>
    <message>
        <source>Seed: the same seed gives the same chain (default 1).</source>
        <translation>Seed: the same seed gives the same chain (default 1).</translation>
    </message>
    <message>
        <source>PBKDF2 iterations for the staff PIN hashes (default %1; lower it for quick test data).</source>
        <translation>PBKDF2 iterations for the staff PIN hashes (default %1; lower it for quick test data).</translation>
    </message>
    <message>
        <source>Reference day yyyy-mm-dd: promotions run around it (default today).</source>
        <translation>Reference day yyyy-mm-dd: promotions run around it (default today).</translation>
    </message>
    <message>
        <source>Overwrite the file when it exists.</source>
        <translation>Overwrite the file when it exists.</translation>
    </message>
    <message>
        <source>Give the file to write with --out FILE.</source>
        <translation>Give the file to write with --out FILE.</translation>
    </message>
    <message>
        <source>--products needs a whole number.</source>
        <translation>--products needs a whole number.</translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation>--seed needs a whole number.</translation>
    </message>
    <message>
        <source>--pin-iterations needs a positive whole number.</source>
        <translation>--pin-iterations needs a positive whole number.</translation>
    </message>
    <message>
        <source>--date needs a day as yyyy-mm-dd.</source>
        <translation>--date needs a day as yyyy-mm-dd.</translation>
    </message>
    <message>
        <source>%1 exists already; add --force to overwrite it.</source>
        <translation>%1 exists already; add --force to overwrite it.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Cannot remove %1.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 locations, %3 staff, %4 products, %5 barcodes, %6 stock figures in %7 s.</source>
        <translation>Wrote %1: %2 locations, %3 staff, %4 products, %5 barcodes, %6 stock figures in %7 s.</translation>
    </message>
    <message>
        <source>The demo cache could not be prepared.</source>
        <translation>The demo cache could not be prepared.</translation>
    </message>
    <message>
        <source>%1 of %2 products (%3 s)</source>
        <translation>%1 of %2 products (%3 s)</translation>
    </message>
    <message>
        <source>The server cannot be reached; sales are kept and sent later.</source>
        <translation>The server cannot be reached; sales are kept and sent later.</translation>
    </message>
    <message>
        <source>This tablet is not (or no longer) enrolled with the server.</source>
        <translation>This tablet is not (or no longer) enrolled with the server.</translation>
    </message>
    <message>
        <source>The server refused the data from this tablet.</source>
        <translation>The server refused the data from this tablet.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the enrolment details.</source>
        <translation>The server&apos;s certificate does not match the enrolment details.</translation>
    </message>
    <message>
        <source>No receipt printer is connected to this tablet.</source>
        <translation>No receipt printer is connected to this tablet.</translation>
    </message>
    <message>
        <source>The server credentials on this tablet cannot be read. Enrol the tablet again.</source>
        <translation>The server credentials on this tablet cannot be read. Enrol the tablet again.</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with a server yet.</source>
        <translation>This tablet is not enrolled with a server yet.</translation>
    </message>
    <message>
        <source>The server credentials could not be saved.</source>
        <translation>The server credentials could not be saved.</translation>
    </message>
    <message>
        <source>Changes from the server could not be saved on this tablet.</source>
        <translation>Changes from the server could not be saved on this tablet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number.</source>
        <translation>&quot;%1&quot; is not a valid phone number.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a loyalty card.</source>
        <translation>&quot;%1&quot; is not a loyalty card.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid e-mail address.</source>
        <translation>&quot;%1&quot; is not a valid e-mail address.</translation>
    </message>
    <message>
        <source>A promotion needs an id.</source>
        <translation>A promotion needs an id.</translation>
    </message>
    <message>
        <source>Promotion %1 has a negative amount.</source>
        <translation>Promotion %1 has a negative amount.</translation>
    </message>
    <message>
        <source>Promotion %1 has a percentage outside 0–100 %.</source>
        <translation>Promotion %1 has a percentage outside 0–100 %.</translation>
    </message>
    <message>
        <source>Promotion %1 ends before it starts.</source>
        <translation>Promotion %1 ends before it starts.</translation>
    </message>
    <message>
        <source>Promotion %1 does not say which products it is for.</source>
        <translation>Promotion %1 does not say which products it is for.</translation>
    </message>
    <message>
        <source>Promotion %1 has no percentage.</source>
        <translation>Promotion %1 has no percentage.</translation>
    </message>
    <message>
        <source>Promotion %1 cannot apply to the whole basket.</source>
        <translation>Promotion %1 cannot apply to the whole basket.</translation>
    </message>
    <message>
        <source>Promotion %1 has quantities that do not make sense.</source>
        <translation>Promotion %1 has quantities that do not make sense.</translation>
    </message>
    <message>
        <source>Promotion %1 has no amount.</source>
        <translation>Promotion %1 has no amount.</translation>
    </message>
    <message>
        <source>Bundle promotion %1 must list products.</source>
        <translation>Bundle promotion %1 must list products.</translation>
    </message>
    <message>
        <source>Bundle promotion %1 needs at least two products.</source>
        <translation>Bundle promotion %1 needs at least two products.</translation>
    </message>
    <message>
        <source>Promotion %1 needs a threshold and an amount.</source>
        <translation>Promotion %1 needs a threshold and an amount.</translation>
    </message>
    <message>
        <source>The sale has no date and time.</source>
        <translation>The sale has no date and time.</translation>
    </message>
    <message>
        <source>A line of the sale has no unique id.</source>
        <translation>A line of the sale has no unique id.</translation>
    </message>
    <message>
        <source>The quantity of &quot;%1&quot; cannot be zero.</source>
        <translation>The quantity of &quot;%1&quot; cannot be zero.</translation>
    </message>
    <message>
        <source>The price of &quot;%1&quot; cannot be negative.</source>
        <translation>The price of &quot;%1&quot; cannot be negative.</translation>
    </message>
    <message>
        <source>A discount on &quot;%1&quot; cannot be negative.</source>
        <translation>A discount on &quot;%1&quot; cannot be negative.</translation>
    </message>
    <message>
        <source>A discount on &quot;%1&quot; cannot be more than 100 %.</source>
        <translation>A discount on &quot;%1&quot; cannot be more than 100 %.</translation>
    </message>
    <message>
        <source>A discount of %1 on &quot;%2&quot; is more than the %3 left of the line.</source>
        <translation>A discount of %1 on &quot;%2&quot; is more than the %3 left of the line.</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>Manual discount</translation>
    </message>
    <message>
        <source>No customer was found. Check the details or enrol the customer.</source>
        <translation>No customer was found. Check the details or enrol the customer.</translation>
    </message>
    <message>
        <source>This line is no longer in the basket.</source>
        <translation>This line is no longer in the basket.</translation>
    </message>
    <message>
        <source>This approval is for something else. Ask the manager again.</source>
        <translation>This approval is for something else. Ask the manager again.</translation>
    </message>
    <message>
        <source>This parked sale cannot be read by this version of Toonbank.</source>
        <translation>This parked sale cannot be read by this version of Toonbank.</translation>
    </message>
    <message>
        <source>A customer with this card number already exists.</source>
        <translation>A customer with this card number already exists.</translation>
    </message>
    <message>
        <source>The server sent an invalid change-feed position.</source>
        <translation>The server sent an invalid change-feed position.</translation>
    </message>
    <message>
        <source>The sale has no payment.</source>
        <translation>The sale has no payment.</translation>
    </message>
    <message>
        <source>Every payment must be more than zero.</source>
        <translation>Every payment must be more than zero.</translation>
    </message>
    <message>
        <source>Only a points payment can redeem points.</source>
        <translation>Only a points payment can redeem points.</translation>
    </message>
    <message>
        <source>The change does not match the cash handed over.</source>
        <translation>The change does not match the cash handed over.</translation>
    </message>
    <message>
        <source>Cash is paid in steps of 5 cents in this store.</source>
        <translation>Cash is paid in steps of 5 cents in this store.</translation>
    </message>
    <message>
        <source>A card payment must name its terminal transaction.</source>
        <translation>A card payment must name its terminal transaction.</translation>
    </message>
    <message>
        <source>A gift card payment must name the card and its claim.</source>
        <translation>A gift card payment must name the card and its claim.</translation>
    </message>
    <message>
        <source>Store credit can only be used by the customer it belongs to.</source>
        <translation>Store credit can only be used by the customer it belongs to.</translation>
    </message>
    <message>
        <source>Points can only be redeemed by the customer they belong to.</source>
        <translation>Points can only be redeemed by the customer they belong to.</translation>
    </message>
    <message>
        <source>The points do not match the amount they pay.</source>
        <translation>The points do not match the amount they pay.</translation>
    </message>
    <message>
        <source>Only cash can be handed over with change.</source>
        <translation>Only cash can be handed over with change.</translation>
    </message>
    <message>
        <source>The payments (%1) do not match the amount due (%2).</source>
        <translation>The payments (%1) do not match the amount due (%2).</translation>
    </message>
    <message>
        <source>The cash rounding of this sale is not right.</source>
        <translation>The cash rounding of this sale is not right.</translation>
    </message>
    <message>
        <source>A gift card number has only digits.</source>
        <translation>A gift card number has only digits.</translation>
    </message>
    <message>
        <source>A gift card number has 12 to 19 digits.</source>
        <translation>A gift card number has 12 to 19 digits.</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Follow the instructions on the terminal</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Declined — ask for another card or another way to pay</source>
        <translation>Declined — ask for another card or another way to pay</translation>
    </message>
    <message>
        <source>Cancelled on the terminal — try again or choose another way to pay</source>
        <translation>Cancelled on the terminal — try again or choose another way to pay</translation>
    </message>
    <message>
        <source>The terminal is busy — wait a moment and try again</source>
        <translation>The terminal is busy — wait a moment and try again</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>No answer from the terminal — checking what happened…</translation>
    </message>
    <message>
        <source>The terminal cannot be reached — check that it is on and connected, then check again</source>
        <translation>The terminal cannot be reached — check that it is on and connected, then check again</translation>
    </message>
    <message>
        <source>The payment could not be saved on this tablet. Nothing was charged; please try again.</source>
        <translation>The payment could not be saved on this tablet. Nothing was charged; please try again.</translation>
    </message>
    <message>
        <source>Another payment is still open on this tablet. Finish or cancel it first.</source>
        <translation>Another payment is still open on this tablet. Finish or cancel it first.</translation>
    </message>
    <message>
        <source>This payment is no longer open.</source>
        <translation>This payment is no longer open.</translation>
    </message>
    <message>
        <source>A gift card can be loaded with %1 to %2.</source>
        <translation>A gift card can be loaded with %1 to %2.</translation>
    </message>
    <message>
        <source>An exchange credit must name its return.</source>
        <translation>An exchange credit must name its return.</translation>
    </message>
    <message>
        <source>A return cannot be returned.</source>
        <translation>A return cannot be returned.</translation>
    </message>
    <message>
        <source>This item is not on the receipt or order.</source>
        <translation>This item is not on the receipt or order.</translation>
    </message>
    <message>
        <source>A gift card cannot be returned.</source>
        <translation>A gift card cannot be returned.</translation>
    </message>
    <message>
        <source>%1 has already been returned.</source>
        <translation>%1 has already been returned.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n of %1 can still be returned.</source>
        <translation>
            <numerusform>Only %n of %1 can still be returned.</numerusform>
            <numerusform>Only %n of %1 can still be returned.</numerusform>
        </translation>
    </message>
    <message>
        <source>The return period ended on %1.</source>
        <translation>The return period ended on %1.</translation>
    </message>
    <message>
        <source>%1 is a final-sale item and cannot be returned.</source>
        <translation>%1 is a final-sale item and cannot be returned.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Choose at least one item to return.</translation>
    </message>
    <message>
        <source>The payments of this order cannot take a refund of %1: part of it was refunded already.</source>
        <translation>The payments of this order cannot take a refund of %1: part of it was refunded already.</translation>
    </message>
    <message>
        <source>The points paid with must go back as points.</source>
        <translation>The points paid with must go back as points.</translation>
    </message>
    <message>
        <source>The return has no refund.</source>
        <translation>The return has no refund.</translation>
    </message>
    <message>
        <source>Every refund must be more than zero.</source>
        <translation>Every refund must be more than zero.</translation>
    </message>
    <message>
        <source>This order cannot be refunded this way.</source>
        <translation>This order cannot be refunded this way.</translation>
    </message>
    <message>
        <source>A refund must name where the money goes.</source>
        <translation>A refund must name where the money goes.</translation>
    </message>
    <message>
        <source>The refunds (%1) do not match the amount to refund (%2).</source>
        <translation>The refunds (%1) do not match the amount to refund (%2).</translation>
    </message>
    <message>
        <source>More than was paid this way would be refunded (%1 of %2).</source>
        <translation>More than was paid this way would be refunded (%1 of %2).</translation>
    </message>
    <message>
        <source>The cash rounding of this return is not right.</source>
        <translation>The cash rounding of this return is not right.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Web payment</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Towards the new sale</source>
        <translation>Towards the new sale</translation>
    </message>
    <message>
        <source>This receipt is not from this tablet. Returning it needs the network; try again when the tablet is online.</source>
        <translation>This receipt is not from this tablet. Returning it needs the network; try again when the tablet is online.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The return could not be saved. Nothing was recorded; please try again.</source>
        <translation>The return could not be saved. Nothing was recorded; please try again.</translation>
    </message>
    <message>
        <source>%1 was already returned.</source>
        <translation>%1 was already returned.</translation>
    </message>
    <message>
        <source>Another return is still running on this tablet. Finish it first.</source>
        <translation>Another return is still running on this tablet. Finish it first.</translation>
    </message>
    <message>
        <source>The return data does not add up: %1</source>
        <translation>The return data does not add up: %1</translation>
    </message>
    <message>
        <source>The server has not answered whether these items can be returned. Nothing was refunded. Press Check again when the tablet is online, or cancel the return.</source>
        <translation>The server has not answered whether these items can be returned. Nothing was refunded. Press Check again when the tablet is online, or cancel the return.</translation>
    </message>
    <message>
        <source>The journal has a gap at entry %1: an entry is missing or out of order.</source>
        <translation>The journal has a gap at entry %1: an entry is missing or out of order.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal does not follow the entry before it.</source>
        <translation>Entry %1 of the journal does not follow the entry before it.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal has been altered.</source>
        <translation>Entry %1 of the journal has been altered.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal does not match its recorded content.</source>
        <translation>Entry %1 of the journal does not match its recorded content.</translation>
    </message>
    <message>
        <source>The grand total of the journal is wrong at entry %1.</source>
        <translation>The grand total of the journal is wrong at entry %1.</translation>
    </message>
    <message>
        <source>%1 is not a euro coin or note.</source>
        <translation>%1 is not a euro coin or note.</translation>
    </message>
    <message>
        <source>The count for %1 cannot be negative.</source>
        <translation>The count for %1 cannot be negative.</translation>
    </message>
    <message>
        <source>The count for %1 is too large.</source>
        <translation>The count for %1 is too large.</translation>
    </message>
    <message>
        <source>The count for %1 must be a whole number of pieces.</source>
        <translation>The count for %1 must be a whole number of pieces.</translation>
    </message>
    <message>
        <source>Give a reason of 1 to %1 characters.</source>
        <translation>Give a reason of 1 to %1 characters.</translation>
    </message>
    <message>
        <source>A drawer opened without a sale moves no money.</source>
        <translation>A drawer opened without a sale moves no money.</translation>
    </message>
    <message>
        <source>The amount must be more than %1 and at most %2.</source>
        <translation>The amount must be more than %1 and at most %2.</translation>
    </message>
    <message>
        <source>The drawer holds only %1; %2 cannot be taken out.</source>
        <translation>The drawer holds only %1; %2 cannot be taken out.</translation>
    </message>
    <message>
        <source>Not in training mode: take cash or card instead.</source>
        <translation>Not in training mode: take cash or card instead.</translation>
    </message>
    <message>
        <source>Not in training mode: refund in cash or to the card instead.</source>
        <translation>Not in training mode: refund in cash or to the card instead.</translation>
    </message>
    <message>
        <source>The shift could not be saved. Nothing was recorded; please try again.</source>
        <translation>The shift could not be saved. Nothing was recorded; please try again.</translation>
    </message>
    <message>
        <source>This shift is not open any more. Open a new shift on the Shift screen.</source>
        <translation>This shift is not open any more. Open a new shift on the Shift screen.</translation>
    </message>
    <message>
        <source>Drawer %1 already has an open shift. Close it before opening a new one.</source>
        <translation>Drawer %1 already has an open shift. Close it before opening a new one.</translation>
    </message>
    <message>
        <source>The cash count received is not valid: %1</source>
        <translation>The cash count received is not valid: %1</translation>
    </message>
    <message>
        <source>Enter the name of the person receiving the order.</source>
        <translation>Enter the name of the person receiving the order.</translation>
    </message>
    <message>
        <source>Enter the street and house number.</source>
        <translation>Enter the street and house number.</translation>
    </message>
    <message>
        <source>We deliver in the Netherlands and Belgium only.</source>
        <translation>We deliver in the Netherlands and Belgium only.</translation>
    </message>
    <message>
        <source>Enter the postcode.</source>
        <translation>Enter the postcode.</translation>
    </message>
    <message>
        <source>A Dutch postcode has 4 digits and 2 letters, like 1012 AB.</source>
        <translation>A Dutch postcode has 4 digits and 2 letters, like 1012 AB.</translation>
    </message>
    <message>
        <source>A Belgian postcode has 4 digits, like 1000.</source>
        <translation>A Belgian postcode has 4 digits, like 1000.</translation>
    </message>
    <message>
        <source>Enter the town or city.</source>
        <translation>Enter the town or city.</translation>
    </message>
    <message>
        <source>Standard delivery</source>
        <translation>Standard delivery</translation>
    </message>
    <message>
        <source>Express delivery</source>
        <translation>Express delivery</translation>
    </message>
    <message>
        <source>Pick up in store</source>
        <translation>Pick up in store</translation>
    </message>
    <message>
        <source>This delivery option is not offered.</source>
        <translation>This delivery option is not offered.</translation>
    </message>
    <message>
        <source>Choose the store where the customer picks the order up.</source>
        <translation>Choose the store where the customer picks the order up.</translation>
    </message>
    <message>
        <source>The delivery price does not match the delivery option.</source>
        <translation>The delivery price does not match the delivery option.</translation>
    </message>
    <message>
        <source>Reserve between 1 and %1 pieces.</source>
        <translation>Reserve between 1 and %1 pieces.</translation>
    </message>
    <message>
        <source>None left to reserve there.</source>
        <translation>None left to reserve there.</translation>
    </message>
    <message>
        <source>Only %1 available there.</source>
        <translation>Only %1 available there.</translation>
    </message>
    <message>
        <source>This reservation has already been collected.</source>
        <translation>This reservation has already been collected.</translation>
    </message>
    <message>
        <source>This hold is already part of a paid order.</source>
        <translation>This hold is already part of a paid order.</translation>
    </message>
    <message>
        <source>This reservation was cancelled.</source>
        <translation>This reservation was cancelled.</translation>
    </message>
    <message>
        <source>This reservation has expired.</source>
        <translation>This reservation has expired.</translation>
    </message>
    <message>
        <source>This reservation was released back to stock.</source>
        <translation>This reservation was released back to stock.</translation>
    </message>
    <message>
        <source>This order has already been collected.</source>
        <translation>This order has already been collected.</translation>
    </message>
    <message>
        <source>This order is no longer waiting for pickup: it was released.</source>
        <translation>This order is no longer waiting for pickup: it was released.</translation>
    </message>
    <message>
        <source>A line is listed twice in the handover.</source>
        <translation>A line is listed twice in the handover.</translation>
    </message>
    <message>
        <source>This line is not part of the order.</source>
        <translation>This line is not part of the order.</translation>
    </message>
    <message>
        <source>Only %1 of this line left to hand over.</source>
        <translation>Only %1 of this line left to hand over.</translation>
    </message>
    <message>
        <source>Choose at least one item to hand over.</source>
        <translation>Choose at least one item to hand over.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>free from %1</source>
        <translation>free from %1</translation>
    </message>
    <message>
        <source>This line is part of an order. Remove it to cancel the order, then order again.</source>
        <translation>This line is part of an order. Remove it to cancel the order, then order again.</translation>
    </message>
    <message>
        <source>The pickup could not be saved. Nothing was recorded; please try again.</source>
        <translation>The pickup could not be saved. Nothing was recorded; please try again.</translation>
    </message>
    <message>
        <source>This order is not in this store&apos;s pickup list.</source>
        <translation>This order is not in this store&apos;s pickup list.</translation>
    </message>
    <message>
        <source>The server has no product catalog file ready yet.</source>
        <translation>The server has no product catalog file ready yet.</translation>
    </message>
    <message>
        <source>The server no longer has this product catalog file; a newer one is fetched.</source>
        <translation>The server no longer has this product catalog file; a newer one is fetched.</translation>
    </message>
    <message>
        <source>The product catalog could not be copied onto this tablet; it is tried again.</source>
        <translation>The product catalog could not be copied onto this tablet; it is tried again.</translation>
    </message>
    <message>
        <source>The product catalog from the server arrived damaged; it is downloaded again.</source>
        <translation>The product catalog from the server arrived damaged; it is downloaded again.</translation>
    </message>
    <message>
        <source>The product catalog from the server has a form this app does not know. Update the app.</source>
        <translation>The product catalog from the server has a form this app does not know. Update the app.</translation>
    </message>
    <message>
        <source>A pickup code has 6 digits. Type all six from the customer&apos;s message.</source>
        <translation>A pickup code has 6 digits. Type all six from the customer&apos;s message.</translation>
    </message>
    <message>
        <source>This code does not match the order. Tries left: %1. After that, only the ID check remains.</source>
        <translation>This code does not match the order. Tries left: %1. After that, only the ID check remains.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Check the customer&apos;s ID instead.</source>
        <translation>Too many wrong codes. Check the customer&apos;s ID instead.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::NexoHttpTerminal</name>
    <message>
        <source>Insert, tap or swipe the card on the terminal</source>
        <translation>Insert, tap or swipe the card on the terminal</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::ReceiptLayout</name>
    <message>
        <source>*** TRAINING — NOT A RECEIPT ***</source>
        <translation>*** TRAINING — NOT A RECEIPT ***</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Served by</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>VAT %1</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <source>To pay in cash</source>
        <translation>To pay in cash</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Cash tendered</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>VAT summary</source>
        <translation>VAT summary</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Incl.</source>
        <translation>Incl.</translation>
    </message>
    <message>
        <source>Thank you for your visit!</source>
        <translation>Thank you for your visit!</translation>
    </message>
    <message>
        <source>*** COPY ***</source>
        <translation>*** COPY ***</translation>
    </message>
    <message>
        <source>Copy — not a new sale</source>
        <translation>Copy — not a new sale</translation>
    </message>
    <message>
        <source>VAT no. %1</source>
        <translation>VAT no. %1</translation>
    </message>
    <message>
        <source>Total after rounding</source>
        <translation>Total after rounding</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Paid with</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Tendered</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Card %1</translation>
    </message>
    <message>
        <source>Terminal ref. %1</source>
        <translation>Terminal ref. %1</translation>
    </message>
    <message>
        <source>Auth. code %1</source>
        <translation>Auth. code %1</translation>
    </message>
    <message>
        <source>Gift card %1</source>
        <translation>Gift card %1</translation>
    </message>
    <message>
        <source>Balance left on card</source>
        <translation>Balance left on card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Store credit left</source>
        <translation>Store credit left</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>Points (%1)</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>Your points balance</source>
        <translation>Your points balance</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Return %1</translation>
    </message>
    <message>
        <source>RETURN</source>
        <translation>RETURN</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Original receipt</source>
        <translation>Original receipt</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Web order</translation>
    </message>
    <message>
        <source>Without receipt</source>
        <translation>Without receipt</translation>
    </message>
    <message>
        <source>%1 returned</source>
        <translation>%1 returned</translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation>Delivery cost</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REFUND</translation>
    </message>
    <message>
        <source>Refund after rounding</source>
        <translation>Refund after rounding</translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Refunded to</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Web payment</translation>
    </message>
    <message>
        <source>Payment ref. %1</source>
        <translation>Payment ref. %1</translation>
    </message>
    <message>
        <source>Refunded to the original web payment.</source>
        <translation>Refunded to the original web payment.</translation>
    </message>
    <message>
        <source>Points given back (%1)</source>
        <translation>Points given back (%1)</translation>
    </message>
    <message>
        <source>New sale %1</source>
        <translation>New sale %1</translation>
    </message>
    <message>
        <source>Points given back</source>
        <translation>Points given back</translation>
    </message>
    <message>
        <source>Points taken back</source>
        <translation>Points taken back</translation>
    </message>
    <message>
        <source>VAT summary of the refund</source>
        <translation>VAT summary of the refund</translation>
    </message>
    <message>
        <source>Copy — not a new return</source>
        <translation>Copy — not a new return</translation>
    </message>
    <message>
        <source>A return cannot be returned again.</source>
        <translation>A return cannot be returned again.</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Web order %1</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 working day</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>Deliver to:</source>
        <translation>Deliver to:</translation>
    </message>
    <message>
        <source>Pick up at: %1</source>
        <translation>Pick up at: %1</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>Pickup code</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::ShiftReportLayout</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
    <message>
        <source>Z REPORT nr %1</source>
        <translation>Z REPORT nr %1</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>X REPORT</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>TRAINING</translation>
    </message>
    <message>
        <source>Interim report: the shift stays open</source>
        <translation>Interim report: the shift stays open</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Drawer</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Business date</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation>staff %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>Printed by</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>Takings</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>Sales (%1)</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
    <message>
        <source>Returns (%1)</source>
        <translation>Returns (%1)</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>Net takings</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation>Voided sales</translation>
    </message>
    <message>
        <source>Training sales and returns (not counted)</source>
        <translation>Training sales and returns (not counted)</translation>
    </message>
    <message>
        <source>Sales per tender</source>
        <translation>Sales per tender</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Refunds per tender</source>
        <translation>Refunds per tender</translation>
    </message>
    <message>
        <source>VAT per rate</source>
        <translation>VAT per rate</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Net</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Incl.</source>
        <translation>Incl.</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Cash refunds</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>No-sale drawer opens</source>
        <translation>No-sale drawer opens</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Expected in drawer</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Nothing counted</source>
        <translation>Nothing counted</translation>
    </message>
    <message>
        <source>Counted total</source>
        <translation>Counted total</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>Cash short</source>
        <translation>Cash short</translation>
    </message>
    <message>
        <source>Cash over</source>
        <translation>Cash over</translation>
    </message>
    <message>
        <source>End of Z report nr %1</source>
        <translation>End of Z report nr %1</translation>
    </message>
    <message>
        <source>End of X report</source>
        <translation>End of X report</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::CustomerService</name>
    <message>
        <source>This is not a loyalty card number.</source>
        <translation>This is not a loyalty card number.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Enter an e-mail address or a phone number.</source>
        <translation>Enter an e-mail address or a phone number.</translation>
    </message>
    <message>
        <source>A customer with this e-mail address already exists: %1.</source>
        <translation>A customer with this e-mail address already exists: %1.</translation>
    </message>
    <message>
        <source>A customer with this phone number already exists: %1.</source>
        <translation>A customer with this phone number already exists: %1.</translation>
    </message>
    <message>
        <source>This product is not on the customer&apos;s wish list.</source>
        <translation>This product is not on the customer&apos;s wish list.</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Enrolled offline as a new customer; the server found an existing customer with the same phone number and merged them.</source>
        <translation>Enrolled offline as a new customer; the server found an existing customer with the same phone number and merged them.</translation>
    </message>
    <message>
        <source>Enrolled offline as a new customer; the server found an existing customer with the same e-mail and merged them.</source>
        <translation>Enrolled offline as a new customer; the server found an existing customer with the same e-mail and merged them.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::LiveStock</name>
    <message>
        <source>No connection to the server: these are the last figures this tablet received.</source>
        <translation>No connection to the server: these are the last figures this tablet received.</translation>
    </message>
    <message>
        <source>The server could not give the stock of this product.</source>
        <translation>The server could not give the stock of this product.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ManagerService</name>
    <message>
        <source>The day&apos;s figures could not be read from this tablet.</source>
        <translation>The day&apos;s figures could not be read from this tablet.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>Manual discount</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Price change</translation>
    </message>
    <message>
        <source>Refund without receipt</source>
        <translation>Refund without receipt</translation>
    </message>
    <message>
        <source>Return exception</source>
        <translation>Return exception</translation>
    </message>
    <message>
        <source>No-sale drawer open</source>
        <translation>No-sale drawer open</translation>
    </message>
    <message>
        <source>The manager&apos;s day could not be made into a PDF.</source>
        <translation>The manager&apos;s day could not be made into a PDF.</translation>
    </message>
    <message>
        <source>Manager&apos;s day %1 %2</source>
        <translation>Manager&apos;s day %1 %2</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Manager&apos;s day</translation>
    </message>
    <message>
        <source>Store %1</source>
        <translation>Store %1</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Voids</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Sales per hour</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>%1:00–%2:00</source>
        <translation>%1:00–%2:00</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>No sales</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>Per staff member</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Per tender</source>
        <translation>Per tender</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Asked by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Open shifts</translation>
    </message>
    <message>
        <source>Drawer %1</source>
        <translation>Drawer %1</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>No shift is open</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::OrderService</name>
    <message>
        <source>A price changed since this tablet last synced. Sync, then order again.</source>
        <translation>A price changed since this tablet last synced. Sync, then order again.</translation>
    </message>
    <message>
        <source>There is not enough stock there any more for this order.</source>
        <translation>There is not enough stock there any more for this order.</translation>
    </message>
    <message>
        <source>Order between 1 and 99 of a product.</source>
        <translation>Order between 1 and 99 of a product.</translation>
    </message>
    <message>
        <source>The server did not accept the address. Check it and try again.</source>
        <translation>The server did not accept the address. Check it and try again.</translation>
    </message>
    <message>
        <source>This delivery option cannot be used for this order.</source>
        <translation>This delivery option cannot be used for this order.</translation>
    </message>
    <message>
        <source>You may not place orders.</source>
        <translation>You may not place orders.</translation>
    </message>
    <message>
        <source>The server refused the order.</source>
        <translation>The server refused the order.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Log in first.</translation>
    </message>
    <message>
        <source>A payment is in progress. Finish or cancel it first.</source>
        <translation>A payment is in progress. Finish or cancel it first.</translation>
    </message>
    <message>
        <source>This sale has an order already. Pay it first, or remove it, before ordering again.</source>
        <translation>This sale has an order already. Pay it first, or remove it, before ordering again.</translation>
    </message>
    <message>
        <source>There is nothing to order.</source>
        <translation>There is nothing to order.</translation>
    </message>
    <message>
        <source>Choose a delivery option.</source>
        <translation>Choose a delivery option.</translation>
    </message>
    <message>
        <source>This tablet does not know the web warehouse yet. Sync first.</source>
        <translation>This tablet does not know the web warehouse yet. Sync first.</translation>
    </message>
    <message>
        <source>Choose the store where the customer picks it up.</source>
        <translation>Choose the store where the customer picks it up.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Enter the customer&apos;s name.</translation>
    </message>
    <message>
        <source>Enter a phone number of at least 6 digits.</source>
        <translation>Enter a phone number of at least 6 digits.</translation>
    </message>
    <message>
        <source>This product has no valid VAT class; it cannot be sold.</source>
        <translation>This product has no valid VAT class; it cannot be sold.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::OverrideService</name>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>Give a reason for the approval; it is kept with the sale.</source>
        <translation>Give a reason for the approval; it is kept with the sale.</translation>
    </message>
    <message>
        <source>Someone else must approve this: you cannot approve your own request.</source>
        <translation>Someone else must approve this: you cannot approve your own request.</translation>
    </message>
    <message>
        <source>%1 does not work in this store.</source>
        <translation>%1 does not work in this store.</translation>
    </message>
    <message>
        <source>%1 is a %2 and cannot approve this.</source>
        <translation>%1 is a %2 and cannot approve this.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::PaymentService</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Card %1 %2</source>
        <translation>Card %1 %2</translation>
    </message>
    <message>
        <source>Gift card …%1</source>
        <translation>Gift card …%1</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>Points (%1)</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer</source>
        <translation>Wait until the running payment has an answer</translation>
    </message>
    <message>
        <source>Pay the last %1 by card</source>
        <translation>Pay the last %1 by card</translation>
    </message>
    <message>
        <source>The terminal is busy</source>
        <translation>The terminal is busy</translation>
    </message>
    <message>
        <source>Needs the network</source>
        <translation>Needs the network</translation>
    </message>
    <message>
        <source>No points to spend</source>
        <translation>No points to spend</translation>
    </message>
    <message>
        <source>Start the payment first.</source>
        <translation>Start the payment first.</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer before adding another one.</source>
        <translation>Wait until the running payment has an answer before adding another one.</translation>
    </message>
    <message>
        <source>Enter an amount of more than zero.</source>
        <translation>Enter an amount of more than zero.</translation>
    </message>
    <message>
        <source>%1 is more than the %2 still to pay.</source>
        <translation>%1 is more than the %2 still to pay.</translation>
    </message>
    <message>
        <source>Cash is paid in steps of 5 cents in this store.</source>
        <translation>Cash is paid in steps of 5 cents in this store.</translation>
    </message>
    <message>
        <source>%1 cannot be paid in cash here; pay it by card.</source>
        <translation>%1 cannot be paid in cash here; pay it by card.</translation>
    </message>
    <message>
        <source>Nothing is left to pay.</source>
        <translation>Nothing is left to pay.</translation>
    </message>
    <message>
        <source>%1 is not enough: %2 is due.</source>
        <translation>%1 is not enough: %2 is due.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Change %1</translation>
    </message>
    <message>
        <source>No payment terminal is connected to this tablet.</source>
        <translation>No payment terminal is connected to this tablet.</translation>
    </message>
    <message>
        <source>The terminal is still busy. Wait a moment and try again.</source>
        <translation>The terminal is still busy. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The card was declined. Ask for another card or another way to pay.</source>
        <translation>The card was declined. Ask for another card or another way to pay.</translation>
    </message>
    <message>
        <source>The card payment was cancelled on the terminal.</source>
        <translation>The card payment was cancelled on the terminal.</translation>
    </message>
    <message>
        <source>The terminal was busy and did not start the payment. Try again in a moment.</source>
        <translation>The terminal was busy and did not start the payment. Try again in a moment.</translation>
    </message>
    <message>
        <source>The terminal never started this payment; nothing was charged. You can try again.</source>
        <translation>The terminal never started this payment; nothing was charged. You can try again.</translation>
    </message>
    <message>
        <source>Checking with the terminal whether this payment went through…</source>
        <translation>Checking with the terminal whether this payment went through…</translation>
    </message>
    <message>
        <source>Not known yet whether this card payment went through. Check again when the terminal answers; do not charge the card again.</source>
        <translation>Not known yet whether this card payment went through. Check again when the terminal answers; do not charge the card again.</translation>
    </message>
    <message>
        <source>Given back to the card</source>
        <translation>Given back to the card</translation>
    </message>
    <message>
        <source>The terminal did not confirm giving this back yet; it is tried again.</source>
        <translation>The terminal did not confirm giving this back yet; it is tried again.</translation>
    </message>
    <message>
        <source>The terminal refused to give this back. Ask a supervisor.</source>
        <translation>The terminal refused to give this back. Ask a supervisor.</translation>
    </message>
    <message>
        <source>Gift cards and store credit need a connection to the server. Choose another way to pay.</source>
        <translation>Gift cards and store credit need a connection to the server. Choose another way to pay.</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>The server gave this amount back; nothing was taken.</source>
        <translation>The server gave this amount back; nothing was taken.</translation>
    </message>
    <message>
        <source>The server never took this amount. You can try again.</source>
        <translation>The server never took this amount. You can try again.</translation>
    </message>
    <message>
        <source>Not known yet whether the server took this amount. Check again when the tablet is online.</source>
        <translation>Not known yet whether the server took this amount. Check again when the tablet is online.</translation>
    </message>
    <message>
        <source>Attach the customer to use their store credit.</source>
        <translation>Attach the customer to use their store credit.</translation>
    </message>
    <message>
        <source>This customer has no store credit yet.</source>
        <translation>This customer has no store credit yet.</translation>
    </message>
    <message>
        <source>Attach the customer to redeem their points.</source>
        <translation>Attach the customer to redeem their points.</translation>
    </message>
    <message>
        <source>Enter a number of points.</source>
        <translation>Enter a number of points.</translation>
    </message>
    <message>
        <source>The customer has %1 points to spend.</source>
        <translation>The customer has %1 points to spend.</translation>
    </message>
    <message>
        <source>%1 points left</source>
        <translation>%1 points left</translation>
    </message>
    <message>
        <source>No payment is open.</source>
        <translation>No payment is open.</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer before cancelling.</source>
        <translation>Wait until the running payment has an answer before cancelling.</translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation>Give back %1 in cash</translation>
    </message>
    <message>
        <source>The points were given back</source>
        <translation>The points were given back</translation>
    </message>
    <message>
        <source>Being given back…</source>
        <translation>Being given back…</translation>
    </message>
    <message>
        <source>Will be given back to the card when the terminal is connected.</source>
        <translation>Will be given back to the card when the terminal is connected.</translation>
    </message>
    <message>
        <source>Will be given back when the tablet is online.</source>
        <translation>Will be given back when the tablet is online.</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Given back</translation>
    </message>
    <message>
        <source>No card terminal connected</source>
        <translation>No card terminal connected</translation>
    </message>
    <message>
        <source>Attach a customer first</source>
        <translation>Attach a customer first</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
    <message>
        <source>Value of the returned goods</source>
        <translation>Value of the returned goods</translation>
    </message>
    <message>
        <source>The exchange was given up</source>
        <translation>The exchange was given up</translation>
    </message>
    <message>
        <source>Not in training mode</source>
        <translation>Not in training mode</translation>
    </message>
    <message>
        <source>Training: no card was charged</source>
        <translation>Training: no card was charged</translation>
    </message>
    <message>
        <source>Training: nothing to give back</source>
        <translation>Training: nothing to give back</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::PickupService</name>
    <message>
        <source>Check the customer first: type their pickup code, or check their ID.</source>
        <translation>Check the customer first: type their pickup code, or check their ID.</translation>
    </message>
    <message>
        <source>Finish or cancel the payment in progress first: this reservation is paid at pickup.</source>
        <translation>Finish or cancel the payment in progress first: this reservation is paid at pickup.</translation>
    </message>
    <message numerus="yes">
        <source>This order can be marked not collected from %1 (after %n day(s) waiting).</source>
        <translation>
            <numerusform>This order can be marked not collected from %1 (after %n day waiting).</numerusform>
            <numerusform>This order can be marked not collected from %1 (after %n days waiting).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ProductService</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReceiptService</name>
    <message>
        <source>&quot;%1&quot; is not an e-mail address we can send the receipt to. Check it with the customer.</source>
        <translation>&quot;%1&quot; is not an e-mail address we can send the receipt to. Check it with the customer.</translation>
    </message>
    <message>
        <source>There is no finished sale to send a receipt for.</source>
        <translation>There is no finished sale to send a receipt for.</translation>
    </message>
    <message>
        <source>The receipt is too long to send by e-mail.</source>
        <translation>The receipt is too long to send by e-mail.</translation>
    </message>
    <message>
        <source>The receipt could not be queued for e-mail.</source>
        <translation>The receipt could not be queued for e-mail.</translation>
    </message>
    <message>
        <source>There is no finished return to send a receipt for.</source>
        <translation>There is no finished return to send a receipt for.</translation>
    </message>
    <message>
        <source>No receipt printer is connected to this tablet.</source>
        <translation>No receipt printer is connected to this tablet.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReservationService</name>
    <message>
        <source>This store is not known on this tablet. Sync and try again.</source>
        <translation>This store is not known on this tablet. Sync and try again.</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name, or attach the customer first.</source>
        <translation>Type the customer&apos;s name, or attach the customer first.</translation>
    </message>
    <message>
        <source>Type the customer&apos;s phone number so the store can call them.</source>
        <translation>Type the customer&apos;s phone number so the store can call them.</translation>
    </message>
    <message>
        <source>Reserving needs the network. Try again when the tablet is online, or call the store.</source>
        <translation>Reserving needs the network. Try again when the tablet is online, or call the store.</translation>
    </message>
    <message>
        <source>Not enough left to reserve there.</source>
        <translation>Not enough left to reserve there.</translation>
    </message>
    <message>
        <source>Reserve between 1 and %1 pieces.</source>
        <translation>Reserve between 1 and %1 pieces.</translation>
    </message>
    <message>
        <source>Your role does not allow reserving.</source>
        <translation>Your role does not allow reserving.</translation>
    </message>
    <message>
        <source>The server did not take the reservation. Try again, or call the store.</source>
        <translation>The server did not take the reservation. Try again, or call the store.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReturnService</name>
    <message>
        <source>A refund is running. Finish it before starting another return.</source>
        <translation>A refund is running. Finish it before starting another return.</translation>
    </message>
    <message>
        <source>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</source>
        <translation>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</translation>
    </message>
    <message>
        <source>This is a return receipt. A refund cannot be returned.</source>
        <translation>This is a return receipt. A refund cannot be returned.</translation>
    </message>
    <message>
        <source>A gift card cannot be returned.</source>
        <translation>A gift card cannot be returned.</translation>
    </message>
    <message>
        <source>Already returned.</source>
        <translation>Already returned.</translation>
    </message>
    <message>
        <source>Products can be added only to a return without receipt.</source>
        <translation>Products can be added only to a return without receipt.</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>Choose at least one item.</translation>
    </message>
    <message>
        <source>This line is not on the receipt.</source>
        <translation>This line is not on the receipt.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n of %1 can still be returned.</source>
        <translation>
            <numerusform>Only %n of %1 can still be returned.</numerusform>
            <numerusform>Only %n of %1 can still be returned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>Find the receipt first.</translation>
    </message>
    <message>
        <source>%1 is not possible for this return.</source>
        <translation>%1 is not possible for this return.</translation>
    </message>
    <message>
        <source>Store credit needs the customer of the receipt.</source>
        <translation>Store credit needs the customer of the receipt.</translation>
    </message>
    <message>
        <source>Scan or type the gift card to load the refund onto.</source>
        <translation>Scan or type the gift card to load the refund onto.</translation>
    </message>
    <message>
        <source>This return needs no approval.</source>
        <translation>This return needs no approval.</translation>
    </message>
    <message>
        <source>This approval cannot be accepted: ask a manager.</source>
        <translation>This approval cannot be accepted: ask a manager.</translation>
    </message>
    <message>
        <source>A return without receipt needs a manager.</source>
        <translation>A return without receipt needs a manager.</translation>
    </message>
    <message>
        <source>%1 was due back by %2.</source>
        <translation>%1 was due back by %2.</translation>
    </message>
    <message>
        <source>%1 is a final-sale item.</source>
        <translation>%1 is a final-sale item.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Choose at least one item to return.</translation>
    </message>
    <message>
        <source>This return needs a manager&apos;s approval.</source>
        <translation>This return needs a manager&apos;s approval.</translation>
    </message>
    <message>
        <source>Store credit needs a customer: scan the customer&apos;s card first.</source>
        <translation>Store credit needs a customer: scan the customer&apos;s card first.</translation>
    </message>
    <message>
        <source>No payment terminal is connected: the card refund cannot run.</source>
        <translation>No payment terminal is connected: the card refund cannot run.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n</source>
        <translation>
            <numerusform>%1: %n</numerusform>
            <numerusform>%1: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone else returned some of these items first. Still returnable now — %1.</source>
        <translation>Someone else returned some of these items first. Still returnable now — %1.</translation>
    </message>
    <message>
        <source>Connect the payment terminal to refund the card.</source>
        <translation>Connect the payment terminal to refund the card.</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Follow the instructions on the terminal</translation>
    </message>
    <message>
        <source>Give %1 in cash</source>
        <translation>Give %1 in cash</translation>
    </message>
    <message>
        <source>Recorded with the return</source>
        <translation>Recorded with the return</translation>
    </message>
    <message>
        <source>Refunded to the card</source>
        <translation>Refunded to the card</translation>
    </message>
    <message>
        <source>The terminal is busy — check again in a moment.</source>
        <translation>The terminal is busy — check again in a moment.</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>No answer from the terminal — checking what happened…</translation>
    </message>
    <message>
        <source>Not known yet whether the card was refunded. Check again when the terminal answers; do not refund again.</source>
        <translation>Not known yet whether the card was refunded. Check again when the terminal answers; do not refund again.</translation>
    </message>
    <message>
        <source>The sale in progress already has an exchange credit.</source>
        <translation>The sale in progress already has an exchange credit.</translation>
    </message>
    <message>
        <source>Choose how to give back what the new sale does not use.</source>
        <translation>Choose how to give back what the new sale does not use.</translation>
    </message>
    <message>
        <source>Add the new items to the sale and take the payment.</source>
        <translation>Add the new items to the sale and take the payment.</translation>
    </message>
    <message>
        <source>The exchange&apos;s return is no longer open.</source>
        <translation>The exchange&apos;s return is no longer open.</translation>
    </message>
    <message>
        <source>A card refund is running or done: the return cannot be abandoned now.</source>
        <translation>A card refund is running or done: the return cannot be abandoned now.</translation>
    </message>
    <message>
        <source>The new sale&apos;s payment is open: cancel the payment first.</source>
        <translation>The new sale&apos;s payment is open: cancel the payment first.</translation>
    </message>
    <message>
        <source>This gift card is blocked. Use another card.</source>
        <translation>This gift card is blocked. Use another card.</translation>
    </message>
    <message>
        <source>Scan or type the number of the gift card the refund goes onto.</source>
        <translation>Scan or type the number of the gift card the refund goes onto.</translation>
    </message>
    <message>
        <source>A web order is refunded to the way it was paid only. Retry the card refund, or cancel the return.</source>
        <translation>A web order is refunded to the way it was paid only. Retry the card refund, or cancel the return.</translation>
    </message>
    <message>
        <source>This amount can go back to the card only. Retry the card refund, or cancel the return.</source>
        <translation>This amount can go back to the card only. Retry the card refund, or cancel the return.</translation>
    </message>
    <message>
        <source>The terminal refused the card refund. Nothing was refunded to the card.</source>
        <translation>The terminal refused the card refund. Nothing was refunded to the card.</translation>
    </message>
    <message>
        <source>Only a refund part that failed can be given back another way.</source>
        <translation>Only a refund part that failed can be given back another way.</translation>
    </message>
    <message>
        <source>%1 is not possible for this amount: %2</source>
        <translation>%1 is not possible for this amount: %2</translation>
    </message>
    <message>
        <source>Only a card refund that failed can be tried again.</source>
        <translation>Only a card refund that failed can be tried again.</translation>
    </message>
    <message>
        <source>The terminal is still being asked. Wait for its answer.</source>
        <translation>The terminal is still being asked. Wait for its answer.</translation>
    </message>
    <message>
        <source>Cash was already given back: finish the return (retry the card or refund that part another way).</source>
        <translation>Cash was already given back: finish the return (retry the card or refund that part another way).</translation>
    </message>
    <message>
        <source>Training: nothing was refunded to the card</source>
        <translation>Training: nothing was refunded to the card</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::SaleService</name>
    <message>
        <source>This product has no valid VAT class; it cannot be sold.</source>
        <translation>This product has no valid VAT class; it cannot be sold.</translation>
    </message>
    <message>
        <source>A quantity must be between 0 and 9999.</source>
        <translation>A quantity must be between 0 and 9999.</translation>
    </message>
    <message>
        <source>Customers cannot be looked up on this tablet.</source>
        <translation>Customers cannot be looked up on this tablet.</translation>
    </message>
    <message>
        <source>This coupon is already on the sale.</source>
        <translation>This coupon is already on the sale.</translation>
    </message>
    <message>
        <source>The coupon code %1 is not known.</source>
        <translation>The coupon code %1 is not known.</translation>
    </message>
    <message>
        <source>The coupon %1 is not valid in this store.</source>
        <translation>The coupon %1 is not valid in this store.</translation>
    </message>
    <message>
        <source>The coupon %1 is not valid today.</source>
        <translation>The coupon %1 is not valid today.</translation>
    </message>
    <message>
        <source>The coupon %1 is personal: attach its customer first.</source>
        <translation>The coupon %1 is personal: attach its customer first.</translation>
    </message>
    <message>
        <source>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</source>
        <translation>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</translation>
    </message>
    <message>
        <source>The coupon code %1 is not on this sale.</source>
        <translation>The coupon code %1 is not on this sale.</translation>
    </message>
    <message>
        <source>Enter either an amount or a percentage for the discount.</source>
        <translation>Enter either an amount or a percentage for the discount.</translation>
    </message>
    <message>
        <source>The discount is larger than what is left of the line (%1).</source>
        <translation>The discount is larger than what is left of the line (%1).</translation>
    </message>
    <message>
        <source>Manual discount %1 on %2</source>
        <translation>Manual discount %1 on %2</translation>
    </message>
    <message>
        <source>Enter a new price that differs from %1.</source>
        <translation>Enter a new price that differs from %1.</translation>
    </message>
    <message>
        <source>Price of %1 from %2 to %3</source>
        <translation>Price of %1 from %2 to %3</translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation>The basket is empty.</translation>
    </message>
    <message>
        <source>Finish or park the current sale before resuming another one.</source>
        <translation>Finish or park the current sale before resuming another one.</translation>
    </message>
    <message>
        <source>This parked sale was already resumed.</source>
        <translation>This parked sale was already resumed.</translation>
    </message>
    <message>
        <source>A sale with a negative total needs a refund.</source>
        <translation>A sale with a negative total needs a refund.</translation>
    </message>
    <message>
        <source>%1 is not enough: %2 is due.</source>
        <translation>%1 is not enough: %2 is due.</translation>
    </message>
    <message>
        <source>The sale is being paid. Cancel the payment first to change it.</source>
        <translation>The sale is being paid. Cancel the payment first to change it.</translation>
    </message>
    <message>
        <source>A gift card is one line per card. Add another card instead.</source>
        <translation>A gift card is one line per card. Add another card instead.</translation>
    </message>
    <message>
        <source>A gift card is sold at its value: no discount or price change.</source>
        <translation>A gift card is sold at its value: no discount or price change.</translation>
    </message>
    <message>
        <source>This gift card is already on the sale.</source>
        <translation>This gift card is already on the sale.</translation>
    </message>
    <message>
        <source>Gift cards cannot be sold here: the catalog has no gift card product.</source>
        <translation>Gift cards cannot be sold here: the catalog has no gift card product.</translation>
    </message>
    <message>
        <source>Gift card …%1</source>
        <translation>Gift card …%1</translation>
    </message>
    <message>
        <source>This sale has an order already. Pay it first, or remove it, before ordering again.</source>
        <translation>This sale has an order already. Pay it first, or remove it, before ordering again.</translation>
    </message>
    <message>
        <source>There is nothing to order.</source>
        <translation>There is nothing to order.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ServerLookups</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</source>
        <translation>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</translation>
    </message>
    <message>
        <source>The coupon %1 has already been used.</source>
        <translation>The coupon %1 has already been used.</translation>
    </message>
    <message>
        <source>This tablet is not connected to a server.</source>
        <translation>This tablet is not connected to a server.</translation>
    </message>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation>The server cannot be reached right now.</translation>
    </message>
    <message>
        <source>This tablet is not (or no longer) enrolled with the server.</source>
        <translation>This tablet is not (or no longer) enrolled with the server.</translation>
    </message>
    <message>
        <source>This gift card is not known. Check the number and try again.</source>
        <translation>This gift card is not known. Check the number and try again.</translation>
    </message>
    <message>
        <source>This gift card has expired and cannot be used.</source>
        <translation>This gift card has expired and cannot be used.</translation>
    </message>
    <message>
        <source>This gift card is blocked and cannot be used.</source>
        <translation>This gift card is blocked and cannot be used.</translation>
    </message>
    <message>
        <source>This gift card is empty.</source>
        <translation>This gift card is empty.</translation>
    </message>
    <message>
        <source>Only %1 left on this gift card.</source>
        <translation>Only %1 left on this gift card.</translation>
    </message>
    <message>
        <source>This customer has no store credit.</source>
        <translation>This customer has no store credit.</translation>
    </message>
    <message>
        <source>Only %1 of store credit left.</source>
        <translation>Only %1 of store credit left.</translation>
    </message>
    <message>
        <source>A completed sale used this payment; it cannot be given back.</source>
        <translation>A completed sale used this payment; it cannot be given back.</translation>
    </message>
    <message>
        <source>The server has no record of this payment; nothing was taken.</source>
        <translation>The server has no record of this payment; nothing was taken.</translation>
    </message>
    <message>
        <source>This payment was already made for another card or amount.</source>
        <translation>This payment was already made for another card or amount.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>The amount must be more than zero.</translation>
    </message>
    <message>
        <source>The server refused this payment (%1).</source>
        <translation>The server refused this payment (%1).</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>no reason</translation>
    </message>
    <message>
        <source>The whole store&apos;s day needs a connection to the server. This tablet&apos;s own figures are shown instead.</source>
        <translation>The whole store&apos;s day needs a connection to the server. This tablet&apos;s own figures are shown instead.</translation>
    </message>
    <message>
        <source>This tablet may only see the figures of its own store.</source>
        <translation>This tablet may only see the figures of its own store.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can see the manager&apos;s day.</source>
        <translation>Only a supervisor or manager can see the manager&apos;s day.</translation>
    </message>
    <message>
        <source>The server could not make the day&apos;s report.</source>
        <translation>The server could not make the day&apos;s report.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ServerOrders</name>
    <message>
        <source>Ordering needs the network. Try again when the tablet is online.</source>
        <translation>Ordering needs the network. Try again when the tablet is online.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::Session</name>
    <message>
        <source>%1 does not work in this store.</source>
        <translation>%1 does not work in this store.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can change this setting.</source>
        <translation>Only a supervisor or manager can change this setting.</translation>
    </message>
    <message>
        <source>The lock time cannot be negative.</source>
        <translation>The lock time cannot be negative.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>This language is not available.</source>
        <translation>This language is not available.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can send rejected events again.</source>
        <translation>Only a supervisor or manager can send rejected events again.</translation>
    </message>
    <message>
        <source>Your role does not allow enrolling customers or changing their consent.</source>
        <translation>Your role does not allow enrolling customers or changing their consent.</translation>
    </message>
    <message>
        <source>Your role does not allow manual discounts.</source>
        <translation>Your role does not allow manual discounts.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>This needs a manager&apos;s approval.</translation>
    </message>
    <message>
        <source>Your role does not allow selling.</source>
        <translation>Your role does not allow selling.</translation>
    </message>
    <message>
        <source>Your role does not allow returns.</source>
        <translation>Your role does not allow returns.</translation>
    </message>
    <message>
        <source>Your role does not allow opening or closing a shift.</source>
        <translation>Your role does not allow opening or closing a shift.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can put cash in or take it out.</source>
        <translation>Only a supervisor or manager can put cash in or take it out.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can switch training mode.</source>
        <translation>Only a supervisor or manager can switch training mode.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can see the manager&apos;s day.</source>
        <translation>Only a supervisor or manager can see the manager&apos;s day.</translation>
    </message>
    <message>
        <source>This staff member does not work in this store.</source>
        <translation>This staff member does not work in this store.</translation>
    </message>
    <message>
        <source>Your role does not allow handing over pickups.</source>
        <translation>Your role does not allow handing over pickups.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can mark an order as not collected.</source>
        <translation>Only a supervisor or manager can mark an order as not collected.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ShiftService</name>
    <message>
        <source>Open a shift first: count the float on the Shift screen.</source>
        <translation>Open a shift first: count the float on the Shift screen.</translation>
    </message>
    <message>
        <source>Not in training mode: switch training off to work with the real drawer.</source>
        <translation>Not in training mode: switch training off to work with the real drawer.</translation>
    </message>
    <message>
        <source>No shift is open on this drawer. Open a shift on the Shift screen first.</source>
        <translation>No shift is open on this drawer. Open a shift on the Shift screen first.</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale needs a manager&apos;s approval.</source>
        <translation>Opening the drawer without a sale needs a manager&apos;s approval.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Please log in first.</translation>
    </message>
    <message>
        <source>This approval is for something else. Ask the manager to approve opening the drawer.</source>
        <translation>This approval is for something else. Ask the manager to approve opening the drawer.</translation>
    </message>
    <message>
        <source>A sale is still open. Finish or clear it before closing the shift.</source>
        <translation>A sale is still open. Finish or clear it before closing the shift.</translation>
    </message>
    <message>
        <source>There is no Z report %1 for this drawer.</source>
        <translation>There is no Z report %1 for this drawer.</translation>
    </message>
    <message>
        <source>No receipt printer is connected: the report cannot be printed.</source>
        <translation>No receipt printer is connected: the report cannot be printed.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::SyncStatus</name>
    <message>
        <source>Not connected to the server yet.</source>
        <translation>Not connected to the server yet.</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>about %1 s left</translation>
    </message>
    <message>
        <source>Catalog download %1 of %2 MB</source>
        <translation>Catalog download %1 of %2 MB</translation>
    </message>
    <message>
        <source>Catalog download is being checked</source>
        <translation>Catalog download is being checked</translation>
    </message>
    <message>
        <source>Catalog %1 of %2 rows</source>
        <translation>Catalog %1 of %2 rows</translation>
    </message>
    <message>
        <source>Catalog is being switched over</source>
        <translation>Catalog is being switched over</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui</name>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Exchange credit</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CashCountPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Coins</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CashMoveSheet</name>
    <message>
        <source>Change from the safe</source>
        <translation>Change from the safe</translation>
    </message>
    <message>
        <source>Float top-up</source>
        <translation>Float top-up</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Other…</translation>
    </message>
    <message>
        <source>To the safe</source>
        <translation>To the safe</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>Bank deposit</translation>
    </message>
    <message>
        <source>Small expense</source>
        <translation>Small expense</translation>
    </message>
    <message>
        <source>Change for a customer</source>
        <translation>Change for a customer</translation>
    </message>
    <message>
        <source>Check the drawer</source>
        <translation>Check the drawer</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>Ask a manager</translation>
    </message>
    <message>
        <source>Put in</source>
        <translation>Put in</translation>
    </message>
    <message>
        <source>Put in %1</source>
        <translation>Put in %1</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>Take out</translation>
    </message>
    <message>
        <source>Take out %1</source>
        <translation>Take out %1</translation>
    </message>
    <message>
        <source>Enter the amount put in.</source>
        <translation>Enter the amount put in.</translation>
    </message>
    <message>
        <source>Enter the amount taken out.</source>
        <translation>Enter the amount taken out.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Choose a reason.</translation>
    </message>
    <message>
        <source>Type the reason.</source>
        <translation>Type the reason.</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Money put into the drawer. Count it, enter the amount and say why.</source>
        <translation>Money put into the drawer. Count it, enter the amount and say why.</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Money taken out of the drawer. The drawer should hold %1 now.</source>
        <translation>Money taken out of the drawer. The drawer should hold %1 now.</translation>
    </message>
    <message>
        <source>No sale: open the drawer</source>
        <translation>No sale: open the drawer</translation>
    </message>
    <message>
        <source>The drawer opens without a sale only with a manager&apos;s approval. Say why; a manager approves with their PIN.</source>
        <translation>The drawer opens without a sale only with a manager&apos;s approval. Say why; a manager approves with their PIN.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation>Type the reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ChoiceSheet</name>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ConfirmSheet</name>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CouponSheet</name>
    <message>
        <source>Type the code printed on the coupon.</source>
        <translation>Type the code printed on the coupon.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Type the code on the coupon, or scan its barcode.</source>
        <translation>Type the code on the coupon, or scan its barcode.</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Coupon code</translation>
    </message>
    <message>
        <source>On this sale</source>
        <translation>On this sale</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Add coupon</source>
        <translation>Add coupon</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CustomerFormSheet</name>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Consent of %1</source>
        <translation>Consent of %1</translation>
    </message>
    <message>
        <source>Ask the customer for each choice. Leave a box empty unless they say yes.</source>
        <translation>Ask the customer for each choice. Leave a box empty unless they say yes.</translation>
    </message>
    <message>
        <source>Change only what the customer asks for. The change is kept with the date and your name.</source>
        <translation>Change only what the customer asks for. The change is kept with the date and your name.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Card number (scan a new card, or leave empty)</source>
        <translation>Card number (scan a new card, or leave empty)</translation>
    </message>
    <message>
        <source>The customer agrees to</source>
        <translation>The customer agrees to</translation>
    </message>
    <message>
        <source>News and offers by e-mail</source>
        <translation>News and offers by e-mail</translation>
    </message>
    <message>
        <source>Offers by text message (SMS)</source>
        <translation>Offers by text message (SMS)</translation>
    </message>
    <message>
        <source>Personal offers based on purchases</source>
        <translation>Personal offers based on purchases</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>Save consent</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CustomerScreen</name>
    <message>
        <source>Customer enrolled. Card number %1.</source>
        <translation>Customer enrolled. Card number %1.</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Consent saved.</translation>
    </message>
    <message>
        <source>Scan the card, or type a phone number, e-mail address or name.</source>
        <translation>Scan the card, or type a phone number, e-mail address or name.</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>Found online (home store %1)</source>
        <translation>Found online (home store %1)</translation>
    </message>
    <message>
        <source>Detach from sale</source>
        <translation>Detach from sale</translation>
    </message>
    <message>
        <source>Attach to sale</source>
        <translation>Attach to sale</translation>
    </message>
    <message>
        <source>%1 member</source>
        <translation>%1 member</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>card %1</translation>
    </message>
    <message>
        <source>All confirmed.</source>
        <translation>All confirmed.</translation>
    </message>
    <message>
        <source>%1 confirmed + %2 pending</source>
        <translation>%1 confirmed + %2 pending</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <source>Personal offers</source>
        <translation>Personal offers</translation>
    </message>
    <message>
        <source>No personal offers now.</source>
        <translation>No personal offers now.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>Points history</source>
        <translation>Points history</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>No points yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen in a store or the web shop: %1</source>
        <translation>Last seen in a store or the web shop: %1</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>No purchases on this tablet yet.</source>
        <translation>No purchases on this tablet yet.</translation>
    </message>
    <message>
        <source>%1 (no longer sold)</source>
        <translation>%1 (no longer sold)</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>Wish list</translation>
    </message>
    <message>
        <source>The wish list is empty.</source>
        <translation>The wish list is empty.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>E-mail: %1 · SMS: %2 · Personal offers: %3</source>
        <translation>E-mail: %1 · SMS: %2 · Personal offers: %3</translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation>enrolment</translation>
    </message>
    <message>
        <source>from the server</source>
        <translation>from the server</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>e-mail %1, SMS %2, personal %3</source>
        <translation>e-mail %1, SMS %2, personal %3</translation>
    </message>
    <message>
        <source>No changes recorded on this tablet.</source>
        <translation>No changes recorded on this tablet.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Customer detached from the sale.</source>
        <translation>Customer detached from the sale.</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Find a customer</translation>
    </message>
    <message>
        <source>Scan the loyalty card or the app&apos;s QR code, or type a phone number, e-mail address or name.</source>
        <translation>Scan the loyalty card or the app&apos;s QR code, or type a phone number, e-mail address or name.</translation>
    </message>
    <message>
        <source>Phone, e-mail, name or card number</source>
        <translation>Phone, e-mail, name or card number</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Find a customer or enrol a new one. Their profile appears here.</source>
        <translation>Find a customer or enrol a new one. Their profile appears here.</translation>
    </message>
    <message>
        <source>Edit consent</source>
        <translation>Edit consent</translation>
    </message>
    <message>
        <source>Card handed out: %1.</source>
        <translation>Card handed out: %1.</translation>
    </message>
    <message>
        <source>store</source>
        <translation>store</translation>
    </message>
    <message>
        <source>Offline: showing this tablet&apos;s purchases only.</source>
        <translation>Offline: showing this tablet&apos;s purchases only.</translation>
    </message>
    <message>
        <source>No purchases yet.</source>
        <translation>No purchases yet.</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Web order</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Return…</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Return %1</translation>
    </message>
    <message>
        <source>Offline: only this tablet&apos;s own sales can be returned now.</source>
        <translation>Offline: only this tablet&apos;s own sales can be returned now.</translation>
    </message>
    <message>
        <source>%1 was not sold on this tablet: returning it needs the network. Try again once the tablet is back online.</source>
        <translation>%1 was not sold on this tablet: returning it needs the network. Try again once the tablet is back online.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::DiscountSheet</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Enter the new price.</source>
        <translation>Enter the new price.</translation>
    </message>
    <message>
        <source>Enter the discount.</source>
        <translation>Enter the discount.</translation>
    </message>
    <message>
        <source>A percentage is at most 100 %.</source>
        <translation>A percentage is at most 100 %.</translation>
    </message>
    <message>
        <source>Choose or type a reason.</source>
        <translation>Choose or type a reason.</translation>
    </message>
    <message>
        <source>Discount or price</source>
        <translation>Discount or price</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — now %2</translation>
    </message>
    <message>
        <source>Amount €</source>
        <translation>Amount €</translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation>Percent %</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>New price</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Price match</source>
        <translation>Price match</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>Customer service</translation>
    </message>
    <message>
        <source>Display model</source>
        <translation>Display model</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::EmailReceiptSheet</name>
    <message>
        <source>Type the customer&apos;s e-mail address.</source>
        <translation>Type the customer&apos;s e-mail address.</translation>
    </message>
    <message>
        <source>E-mail receipts are not available on this tablet.</source>
        <translation>E-mail receipts are not available on this tablet.</translation>
    </message>
    <message>
        <source>E-mail the receipt</source>
        <translation>E-mail the receipt</translation>
    </message>
    <message>
        <source>Receipt %1 is sent as a PDF to this address.</source>
        <translation>Receipt %1 is sent as a PDF to this address.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Send receipt</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::GiftCardSheet</name>
    <message>
        <source>This gift card is empty.</source>
        <translation>This gift card is empty.</translation>
    </message>
    <message>
        <source>This gift card expired on %1. It cannot be used.</source>
        <translation>This gift card expired on %1. It cannot be used.</translation>
    </message>
    <message>
        <source>This gift card has not been activated. Sell it first, or use another card.</source>
        <translation>This gift card has not been activated. Sell it first, or use another card.</translation>
    </message>
    <message>
        <source>Gift cards cannot be sold on this tablet.</source>
        <translation>Gift cards cannot be sold on this tablet.</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Balance: %1</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Valid until %1</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>No end date</translation>
    </message>
    <message>
        <source>Check the gift card</source>
        <translation>Check the gift card</translation>
    </message>
    <message>
        <source>The sale needs only %1 more.</source>
        <translation>The sale needs only %1 more.</translation>
    </message>
    <message>
        <source>The card holds only %1.</source>
        <translation>The card holds only %1.</translation>
    </message>
    <message>
        <source>Pay with a gift card</source>
        <translation>Pay with a gift card</translation>
    </message>
    <message>
        <source>Sell or top up a gift card</source>
        <translation>Sell or top up a gift card</translation>
    </message>
    <message>
        <source>Scan the gift card or type its number.</source>
        <translation>Scan the gift card or type its number.</translation>
    </message>
    <message>
        <source>Scan the gift card or type its number, then choose the amount to put on it. A card the customer already has is topped up.</source>
        <translation>Scan the gift card or type its number, then choose the amount to put on it. A card the customer already has is topped up.</translation>
    </message>
    <message>
        <source>Gift card number</source>
        <translation>Gift card number</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Amount to use</source>
        <translation>Amount to use</translation>
    </message>
    <message>
        <source>Amount to put on the card</source>
        <translation>Amount to put on the card</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Use %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::HourChart</name>
    <message>
        <source>No sales yet today.</source>
        <translation>No sales yet today.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::LoginScreen</name>
    <message>
        <source>Tap your name first.</source>
        <translation>Tap your name first.</translation>
    </message>
    <message>
        <source>Toonbank</source>
        <translation>Toonbank</translation>
    </message>
    <message>
        <source>Locked after a period without use. Tap your name and enter your PIN.</source>
        <translation>Locked after a period without use. Tap your name and enter your PIN.</translation>
    </message>
    <message>
        <source>Tap your name and enter your PIN.</source>
        <translation>Tap your name and enter your PIN.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::MainWindow</name>
    <message>
        <source>Customer attached: %1.</source>
        <translation>Customer attached: %1.</translation>
    </message>
    <message>
        <source>Coupon %1 added.</source>
        <translation>Coupon %1 added.</translation>
    </message>
    <message>
        <source>Approved. The change is on the sale.</source>
        <translation>Approved. The change is on the sale.</translation>
    </message>
    <message>
        <source>Discount applied.</source>
        <translation>Discount applied.</translation>
    </message>
    <message>
        <source>This approval does not cover the change. Ask again.</source>
        <translation>This approval does not cover the change. Ask again.</translation>
    </message>
    <message>
        <source>Cancel the payment?</source>
        <translation>Cancel the payment?</translation>
    </message>
    <message>
        <source>What was paid is given back to the customer:
%1

The basket stays, so the sale can be paid again.</source>
        <translation>What was paid is given back to the customer:
%1

The basket stays, so the sale can be paid again.</translation>
    </message>
    <message>
        <source>Give back and cancel</source>
        <translation>Give back and cancel</translation>
    </message>
    <message>
        <source>Gift card …%1 with %2 added to the sale.</source>
        <translation>Gift card …%1 with %2 added to the sale.</translation>
    </message>
    <message>
        <source>Exchange: %1 is credited to this sale. Add what the customer takes instead, then Pay for the rest.</source>
        <translation>Exchange: %1 is credited to this sale. Add what the customer takes instead, then Pay for the rest.</translation>
    </message>
    <message>
        <source>The reserved items are in the basket. Take the payment.</source>
        <translation>The reserved items are in the basket. Take the payment.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ManagerScreen</name>
    <message>
        <source>Discount above the limit</source>
        <translation>Discount above the limit</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Price change</translation>
    </message>
    <message>
        <source>No sale: drawer opened</source>
        <translation>No sale: drawer opened</translation>
    </message>
    <message>
        <source>Refund without receipt</source>
        <translation>Refund without receipt</translation>
    </message>
    <message>
        <source>Return outside the rules</source>
        <translation>Return outside the rules</translation>
    </message>
    <message>
        <source>staff member %1</source>
        <translation>staff member %1</translation>
    </message>
    <message numerus="yes">
        <source>%1:00–%2:00: %n sale(s), %3</source>
        <translation>
            <numerusform>%1:00–%2:00: %n sale, %3</numerusform>
            <numerusform>%1:00–%2:00: %n sales, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:00–%2:00: no sales</source>
        <translation>%1:00–%2:00: no sales</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Back to selling</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Sales per hour (tap a bar)</source>
        <translation>Sales per hour (tap a bar)</translation>
    </message>
    <message>
        <source>Per payment method</source>
        <translation>Per payment method</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>Per staff member</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <source>Overrides and no-sales</source>
        <translation>Overrides and no-sales</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Open shifts</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Manager&apos;s day</translation>
    </message>
    <message>
        <source>Manager&apos;s day — %1</source>
        <translation>Manager&apos;s day — %1</translation>
    </message>
    <message>
        <source>Chain-wide: every tablet of this store</source>
        <translation>Chain-wide: every tablet of this store</translation>
    </message>
    <message>
        <source>This tablet only (offline): other tablets&apos; sales are not in these figures</source>
        <translation>This tablet only (offline): other tablets&apos; sales are not in these figures</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1</source>
        <translation>
            <numerusform>%n sale, %1</numerusform>
            <numerusform>%n sales, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments yet.</source>
        <translation>No payments yet.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Nobody has sold anything yet.</source>
        <translation>Nobody has sold anything yet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>not needed</translation>
    </message>
    <message>
        <source>No refunds today.</source>
        <translation>No refunds today.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>No overrides today.</source>
        <translation>No overrides today.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Asked by</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>No sales were cancelled after a payment.</source>
        <translation>No sales were cancelled after a payment.</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) cancelled after a payment part (the part was given back at once).</source>
        <translation>
            <numerusform>%n sale cancelled after a payment part (the part was given back at once).</numerusform>
            <numerusform>%n sales cancelled after a payment part (the part was given back at once).</numerusform>
        </translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>No shift is open.</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Drawer</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Opened by</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>This tablet only (offline)</source>
        <translation>This tablet only (offline)</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Sales per hour</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Approved by %1</translation>
    </message>
    <message>
        <source>Asked by %1, approved by %2</source>
        <translation>Asked by %1, approved by %2</translation>
    </message>
    <message>
        <source>Cancelled after payment</source>
        <translation>Cancelled after payment</translation>
    </message>
    <message>
        <source>The day&apos;s figures have been printed.</source>
        <translation>The day&apos;s figures have been printed.</translation>
    </message>
    <message>
        <source>The PDF could not be saved in %1. Is the storage full?</source>
        <translation>The PDF could not be saved in %1. Is the storage full?</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Saved as PDF: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::OrderSheet</name>
    <message>
        <source>Order for home delivery</source>
        <translation>Order for home delivery</translation>
    </message>
    <message>
        <source>Order for pickup in another store</source>
        <translation>Order for pickup in another store</translation>
    </message>
    <message>
        <source>Deliver to home</source>
        <translation>Deliver to home</translation>
    </message>
    <message>
        <source>Pick up in store</source>
        <translation>Pick up in store</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Store where the customer picks it up</source>
        <translation>Store where the customer picks it up</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Street and house number</source>
        <translation>Street and house number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>Customer&apos;s name</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Place order</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::OverrideSheet</name>
    <message>
        <source>Nobody in this store may approve this. Call the store manager.</source>
        <translation>Nobody in this store may approve this. Call the store manager.</translation>
    </message>
    <message>
        <source>Tap the name of the manager who approves.</source>
        <translation>Tap the name of the manager who approves.</translation>
    </message>
    <message>
        <source>The manager enters their PIN.</source>
        <translation>The manager enters their PIN.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>Asked by %1: this discount is above their own limit.</source>
        <translation>Asked by %1: this discount is above their own limit.</translation>
    </message>
    <message>
        <source>Asked by %1: their role may not change a price.</source>
        <translation>Asked by %1: their role may not change a price.</translation>
    </message>
    <message>
        <source>Asked by %1: their role may not do this alone.</source>
        <translation>Asked by %1: their role may not do this alone.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Who approves?</source>
        <translation>Who approves?</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>Manager&apos;s PIN</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Asked by %1: the drawer opens without a sale only with a manager&apos;s approval.</source>
        <translation>Asked by %1: the drawer opens without a sale only with a manager&apos;s approval.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ParkedScreen</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>No parked sales.</translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation>Parked sales</translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation>Parked at</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::PayScreen</name>
    <message>
        <source>Cash rounding</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Exact</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Not paid</translation>
    </message>
    <message>
        <source>Being given back</source>
        <translation>Being given back</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Given back</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Follow the instructions on the terminal</translation>
    </message>
    <message>
        <source>Card approved</source>
        <translation>Card approved</translation>
    </message>
    <message>
        <source>Choose how to pay the remaining %1.</source>
        <translation>Choose how to pay the remaining %1.</translation>
    </message>
    <message>
        <source>Declined — ask for another card or another way to pay</source>
        <translation>Declined — ask for another card or another way to pay</translation>
    </message>
    <message>
        <source>Cancelled on the terminal — try again or choose another way to pay</source>
        <translation>Cancelled on the terminal — try again or choose another way to pay</translation>
    </message>
    <message>
        <source>The terminal is busy — wait a moment and try again</source>
        <translation>The terminal is busy — wait a moment and try again</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>No answer from the terminal — checking what happened…</translation>
    </message>
    <message>
        <source>Do not start the card payment again: the customer is never charged twice.</source>
        <translation>Do not start the card payment again: the customer is never charged twice.</translation>
    </message>
    <message>
        <source>The terminal cannot be reached — check that it is on and connected</source>
        <translation>The terminal cannot be reached — check that it is on and connected</translation>
    </message>
    <message>
        <source>%1 points · %2</source>
        <translation>%1 points · %2</translation>
    </message>
    <message>
        <source>Received in cash</source>
        <translation>Received in cash</translation>
    </message>
    <message>
        <source>Amount of this part</source>
        <translation>Amount of this part</translation>
    </message>
    <message>
        <source>Pay %1 in cash</source>
        <translation>Pay %1 in cash</translation>
    </message>
    <message>
        <source>Pay %1 in cash, part</source>
        <translation>Pay %1 in cash, part</translation>
    </message>
    <message>
        <source>Pay %1 by card</source>
        <translation>Pay %1 by card</translation>
    </message>
    <message>
        <source>A card pays at most the remaining %1.</source>
        <translation>A card pays at most the remaining %1.</translation>
    </message>
    <message>
        <source>Pay %1 with store credit</source>
        <translation>Pay %1 with store credit</translation>
    </message>
    <message>
        <source>Pay %1 with %2 points</source>
        <translation>Pay %1 with %2 points</translation>
    </message>
    <message>
        <source>Available: %1 points, worth %2.</source>
        <translation>Available: %1 points, worth %2.</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Waiting for the terminal…</source>
        <translation>Waiting for the terminal…</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>Paid so far</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>To pay in cash</source>
        <translation>To pay in cash</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::PickupScreen</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservation</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Web order</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>Reservation %1</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Web order %1</translation>
    </message>
    <message>
        <source>Ready since %1 (%2)</source>
        <translation>Ready since %1 (%2)</translation>
    </message>
    <message>
        <source>held until %1</source>
        <translation>held until %1</translation>
    </message>
    <message>
        <source>Paid online</source>
        <translation>Paid online</translation>
    </message>
    <message>
        <source>To be paid now: it goes into the basket</source>
        <translation>To be paid now: it goes into the basket</translation>
    </message>
    <message>
        <source>partly collected before</source>
        <translation>partly collected before</translation>
    </message>
    <message numerus="yes">
        <source>overdue (waiting more than %n day(s))</source>
        <translation>
            <numerusform>overdue (waiting more than %n day)</numerusform>
            <numerusform>overdue (waiting more than %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 left (SKU %3)</source>
        <translation>%1 of %2 left (SKU %3)</translation>
    </message>
    <message>
        <source>%1 ordered (SKU %2)</source>
        <translation>%1 ordered (SKU %2)</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>One less</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>One more</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <source>✓ Code correct — choose what to hand over.</source>
        <translation>✓ Code correct — choose what to hand over.</translation>
    </message>
    <message>
        <source>✓ ID checked — choose what to hand over.</source>
        <translation>✓ ID checked — choose what to hand over.</translation>
    </message>
    <message numerus="yes">
        <source>Hand over %n item(s)</source>
        <translation>
            <numerusform>Hand over %n item</numerusform>
            <numerusform>Hand over %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>%1 handed over — the order is complete.</source>
        <translation>%1 handed over — the order is complete.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) handed over; the rest stays ready for pickup.</source>
        <translation>
            <numerusform>%n item handed over; the rest stays ready for pickup.</numerusform>
            <numerusform>%n items handed over; the rest stays ready for pickup.</numerusform>
        </translation>
    </message>
    <message>
        <source>Handed over. The reserved items are in the basket: take the payment.</source>
        <translation>Handed over. The reserved items are in the basket: take the payment.</translation>
    </message>
    <message>
        <source>%1 marked not collected: the items go back to stock.</source>
        <translation>%1 marked not collected: the items go back to stock.</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
    <message>
        <source>Nothing is waiting for pickup at this store.</source>
        <translation>Nothing is waiting for pickup at this store.</translation>
    </message>
    <message>
        <source>Choose an order on the left to hand it over.</source>
        <translation>Choose an order on the left to hand it over.</translation>
    </message>
    <message>
        <source>What the customer takes now</source>
        <translation>What the customer takes now</translation>
    </message>
    <message>
        <source>Check the customer: type the 6-digit pickup code from their message, or check their ID against the name.</source>
        <translation>Check the customer: type the 6-digit pickup code from their message, or check their ID against the name.</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Check code</translation>
    </message>
    <message>
        <source>ID checked</source>
        <translation>ID checked</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Back to sale</translation>
    </message>
    <message>
        <source>Not collected</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <source>Choose an order above to hand it over.</source>
        <translation>Choose an order above to hand it over.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Check the customer&apos;s ID instead.</source>
        <translation>Too many wrong codes. Check the customer&apos;s ID instead.</translation>
    </message>
    <message>
        <source>The code can no longer be used for this order. Check the customer&apos;s ID against the name.</source>
        <translation>The code can no longer be used for this order. Check the customer&apos;s ID against the name.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ProductScreen</name>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (was %2)</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 out of 5 · %n review(s)</source>
        <translation>
            <numerusform>%1 %2 out of 5 · %n review</numerusform>
            <numerusform>%1 %2 out of 5 · %n reviews</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>No reviews yet</translation>
    </message>
    <message>
        <source>&lt;b&gt;SKU&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;SKU&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Barcodes&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Barcodes&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Variants</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Add to basket</source>
        <translation>Add to basket</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>On %1&apos;s wish list.</source>
        <translation>On %1&apos;s wish list.</translation>
    </message>
    <message>
        <source>Add to %1&apos;s wish list</source>
        <translation>Add to %1&apos;s wish list</translation>
    </message>
    <message>
        <source>No connection to the server: these are the last figures this tablet received.</source>
        <translation>No connection to the server: these are the last figures this tablet received.</translation>
    </message>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (this store)</translation>
    </message>
    <message numerus="yes">
        <source>%n in stock</source>
        <translation>
            <numerusform>%n in stock</numerusform>
            <numerusform>%n in stock</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sold in the web shop</source>
        <translation>Not sold in the web shop</translation>
    </message>
    <message numerus="yes">
        <source>Delivered in %n day(s)</source>
        <translation>
            <numerusform>Delivered in %n day</numerusform>
            <numerusform>Delivered in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reserve in %1</source>
        <translation>Reserve in %1</translation>
    </message>
    <message>
        <source>Pick up in %1</source>
        <translation>Pick up in %1</translation>
    </message>
    <message>
        <source>None to reserve</source>
        <translation>None to reserve</translation>
    </message>
    <message>
        <source>Needs a connection</source>
        <translation>Needs a connection</translation>
    </message>
    <message>
        <source>Offline: reserving and ordering need a connection to the server.</source>
        <translation>Offline: reserving and ordering need a connection to the server.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Order for home</source>
        <translation>Order for home</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReceiptScreen</name>
    <message>
        <source>Sale %1 completed</source>
        <translation>Sale %1 completed</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>The receipt has been printed.</source>
        <translation>The receipt has been printed.</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>New sale</translation>
    </message>
    <message>
        <source>A copy marked &quot;COPY&quot; has been printed.</source>
        <translation>A copy marked &quot;COPY&quot; has been printed.</translation>
    </message>
    <message>
        <source>Receipt for the customer</source>
        <translation>Receipt for the customer</translation>
    </message>
    <message>
        <source>Print copy</source>
        <translation>Print copy</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>E-mail receipts are not available on this tablet yet.</source>
        <translation>E-mail receipts are not available on this tablet yet.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cash: %1 (received %2)</source>
        <translation>Cash: %1 (received %2)</translation>
    </message>
    <message>
        <source>Cash: %1</source>
        <translation>Cash: %1</translation>
    </message>
    <message>
        <source>Gift card …%1: %2</source>
        <translation>Gift card …%1: %2</translation>
    </message>
    <message>
        <source>%1 left on the gift card</source>
        <translation>%1 left on the gift card</translation>
    </message>
    <message>
        <source>Store credit: %1</source>
        <translation>Store credit: %1</translation>
    </message>
    <message>
        <source>%1 store credit left</source>
        <translation>%1 store credit left</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s): %1</source>
        <translation>
            <numerusform>%n loyalty point: %1</numerusform>
            <numerusform>%n loyalty points: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash rounding: %1</source>
        <translation>Cash rounding: %1</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Paid with</translation>
    </message>
    <message>
        <source>No receipt printer on this tablet: e-mail the receipt or give none.</source>
        <translation>No receipt printer on this tablet: e-mail the receipt or give none.</translation>
    </message>
    <message>
        <source>The receipt is on its way to %1.</source>
        <translation>The receipt is on its way to %1.</translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>Card: %1</translation>
    </message>
    <message>
        <source>Card %1: %2</source>
        <translation>Card %1: %2</translation>
    </message>
    <message>
        <source>Cash: %1 — hand it to the customer</source>
        <translation>Cash: %1 — hand it to the customer</translation>
    </message>
    <message>
        <source>Web payment: %1 — the web shop pays it back within a few days</source>
        <translation>Web payment: %1 — the web shop pays it back within a few days</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) given back: %1</source>
        <translation>
            <numerusform>%n loyalty point given back: %1</numerusform>
            <numerusform>%n loyalty points given back: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exchange credit: %1</source>
        <translation>Exchange credit: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) taken back</source>
        <translation>
            <numerusform>%n loyalty point taken back</numerusform>
            <numerusform>%n loyalty points taken back</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Refunded to</translation>
    </message>
    <message>
        <source>Return %1 completed</source>
        <translation>Return %1 completed</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>The return receipt has been printed.</source>
        <translation>The return receipt has been printed.</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Web order %1</translation>
    </message>
    <message>
        <source>Pickup code: %1</source>
        <translation>Pickup code: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReportPane</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReserveSheet</name>
    <message>
        <source>The tablet is offline: reserving needs the network. Call the store instead, or try again in a moment.</source>
        <translation>The tablet is offline: reserving needs the network. Call the store instead, or try again in a moment.</translation>
    </message>
    <message numerus="yes">
        <source>Reserve %n piece(s)</source>
        <translation>
            <numerusform>Reserve %n piece</numerusform>
            <numerusform>Reserve %n pieces</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Reserved</translation>
    </message>
    <message numerus="yes">
        <source>%n × %1 is held for the customer at %2.</source>
        <translation>
            <numerusform>%n × %1 is held for the customer at %2.</numerusform>
            <numerusform>%n × %1 are held for the customer at %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pickup code — give it to the customer</source>
        <translation>Pickup code — give it to the customer</translation>
    </message>
    <message>
        <source>(already reserved — code given before)</source>
        <translation>(already reserved — code given before)</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>Held until %1</translation>
    </message>
    <message>
        <source>The customer pays when they pick it up. They show this code or their ID at the counter.</source>
        <translation>The customer pays when they pick it up. They show this code or their ID at the counter.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Reserve in %1</source>
        <translation>Reserve in %1</translation>
    </message>
    <message>
        <source>%1: %2 in stock (last known figure). The server checks what is still available.</source>
        <translation>%1: %2 in stock (last known figure). The server checks what is still available.</translation>
    </message>
    <message>
        <source>%1: no figure known here; the server checks what is available.</source>
        <translation>%1: no figure known here; the server checks what is available.</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>How many</translation>
    </message>
    <message>
        <source>For which customer</source>
        <translation>For which customer</translation>
    </message>
    <message>
        <source>Someone else: type a name and phone</source>
        <translation>Someone else: type a name and phone</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone (the store calls when it is ready)</source>
        <translation>Phone (the store calls when it is ready)</translation>
    </message>
    <message>
        <source>e.g. Sanne de Jong</source>
        <translation>e.g. Sanne de Jong</translation>
    </message>
    <message>
        <source>e.g. 06 12345678</source>
        <translation>e.g. 06 12345678</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReturnScreen</name>
    <message>
        <source>Changed mind</source>
        <translation>Changed mind</translation>
    </message>
    <message>
        <source>Wrong size</source>
        <translation>Wrong size</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Defective</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Not as described</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Other reason</translation>
    </message>
    <message>
        <source>Back on the shelf</source>
        <translation>Back on the shelf</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Web payment</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Store credit</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Loyalty points</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt or packing slip, or type its number.</source>
        <translation>Scan the QR code on the receipt or packing slip, or type its number.</translation>
    </message>
    <message>
        <source>No product found for &quot;%1&quot;.</source>
        <translation>No product found for &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Which product comes back?</source>
        <translation>Which product comes back?</translation>
    </message>
    <message>
        <source>Return without receipt: %1 as store credit</source>
        <translation>Return without receipt: %1 as store credit</translation>
    </message>
    <message>
        <source>Return of %1 outside the rules</source>
        <translation>Return of %1 outside the rules</translation>
    </message>
    <message>
        <source>Why does it come back?</source>
        <translation>Why does it come back?</translation>
    </message>
    <message>
        <source>Scan or type the product&apos;s barcode or name</source>
        <translation>Scan or type the product&apos;s barcode or name</translation>
    </message>
    <message>
        <source>Receipt or web order number</source>
        <translation>Receipt or web order number</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Offline: returns of web orders and of other tablets&apos; or stores&apos; sales need the network. Sales made on this tablet can be returned now.</source>
        <translation>Offline: returns of web orders and of other tablets&apos; or stores&apos; sales need the network. Sales made on this tablet can be returned now.</translation>
    </message>
    <message>
        <source>Offline: this sale was made on this tablet, so it can be returned now. The server checks it when the network is back.</source>
        <translation>Offline: this sale was made on this tablet, so it can be returned now. The server checks it when the network is back.</translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt, the packing slip or the order e-mail, or type the receipt or order number. No receipt? Tap &quot;No receipt&quot;.</source>
        <translation>Scan the QR code on the receipt, the packing slip or the order e-mail, or type the receipt or order number. No receipt? Tap &quot;No receipt&quot;.</translation>
    </message>
    <message>
        <source>Receipt %1 · store %2 · %3</source>
        <translation>Receipt %1 · store %2 · %3</translation>
    </message>
    <message>
        <source>Web order %1 · web shop · ordered %2</source>
        <translation>Web order %1 · web shop · ordered %2</translation>
    </message>
    <message>
        <source>Delivered on %1</source>
        <translation>Delivered on %1</translation>
    </message>
    <message>
        <source>Not delivered yet: the 14 days start at delivery</source>
        <translation>Not delivered yet: the 14 days start at delivery</translation>
    </message>
    <message>
        <source>Without receipt: refunded as store credit at today&apos;s price, with a manager&apos;s approval. Scan each product that comes back.</source>
        <translation>Without receipt: refunded as store credit at today&apos;s price, with a manager&apos;s approval. Scan each product that comes back.</translation>
    </message>
    <message>
        <source>Return by %1</source>
        <translation>Return by %1</translation>
    </message>
    <message>
        <source>Customer: card %1 · %2</source>
        <translation>Customer: card %1 · %2</translation>
    </message>
    <message>
        <source>Today&apos;s price %1</source>
        <translation>Today&apos;s price %1</translation>
    </message>
    <message>
        <source>Sold %1 · returned before %2 · returnable %3</source>
        <translation>Sold %1 · returned before %2 · returnable %3</translation>
    </message>
    <message>
        <source>Paid %1 per unit</source>
        <translation>Paid %1 per unit</translation>
    </message>
    <message>
        <source>Final sale: only with a manager&apos;s approval</source>
        <translation>Final sale: only with a manager&apos;s approval</translation>
    </message>
    <message>
        <source>Return window passed on %1: only with a manager&apos;s approval</source>
        <translation>Return window passed on %1: only with a manager&apos;s approval</translation>
    </message>
    <message>
        <source>Return window passed: only with a manager&apos;s approval</source>
        <translation>Return window passed: only with a manager&apos;s approval</translation>
    </message>
    <message>
        <source>Not delivered yet: returnable</source>
        <translation>Not delivered yet: returnable</translation>
    </message>
    <message>
        <source>%1 back · %2 · %3</source>
        <translation>%1 back · %2 · %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>The refund shows here once the receipt or order is found: what comes back, how much, and where the money goes.</source>
        <translation>The refund shows here once the receipt or order is found: what comes back, how much, and where the money goes.</translation>
    </message>
    <message>
        <source>Scan each product that comes back.</source>
        <translation>Scan each product that comes back.</translation>
    </message>
    <message>
        <source>Tap + on each item that comes back.</source>
        <translation>Tap + on each item that comes back.</translation>
    </message>
    <message>
        <source>Refunding</source>
        <translation>Refunding</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) taken back</source>
        <translation>
            <numerusform>%n loyalty point taken back</numerusform>
            <numerusform>%n loyalty points taken back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) given back</source>
        <translation>
            <numerusform>%n loyalty point given back</numerusform>
            <numerusform>%n loyalty points given back</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs a manager&apos;s approval: %1</source>
        <translation>Needs a manager&apos;s approval: %1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Refund %1</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Back to selling</translation>
    </message>
    <message>
        <source>Cancel return</source>
        <translation>Cancel return</translation>
    </message>
    <message>
        <source>Original payment</source>
        <translation>Original payment</translation>
    </message>
    <message>
        <source>Refund to</source>
        <translation>Refund to</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>At the terminal</source>
        <translation>At the terminal</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Follow the instructions on the terminal</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation>Not refunded</translation>
    </message>
    <message>
        <source>The card refund did not go through</source>
        <translation>The card refund did not go through</translation>
    </message>
    <message>
        <source>This part did not go through</source>
        <translation>This part did not go through</translation>
    </message>
    <message>
        <source>Goes back to</source>
        <translation>Goes back to</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>No receipt</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Cash rounding</translation>
    </message>
    <message>
        <source>Total refund</source>
        <translation>Total refund</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>How does %1 go back?</source>
        <translation>How does %1 go back?</translation>
    </message>
    <message>
        <source>Scan or type the number of the gift card the refund goes onto. A new card is activated with the refund.</source>
        <translation>Scan or type the number of the gift card the refund goes onto. A new card is activated with the refund.</translation>
    </message>
    <message>
        <source>Onto gift card %1</source>
        <translation>Onto gift card %1</translation>
    </message>
    <message>
        <source>Gift card number</source>
        <translation>Gift card number</translation>
    </message>
    <message>
        <source>Refund onto this card</source>
        <translation>Refund onto this card</translation>
    </message>
    <message>
        <source>Use this card</source>
        <translation>Use this card</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Refund another way</source>
        <translation>Refund another way</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SearchResultsModel</name>
    <message>
        <source>%1
now %2</source>
        <translation>%1
now %2</translation>
    </message>
    <message>
        <source>No stock figure for this store</source>
        <translation>No stock figure for this store</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Here</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SellScreen</name>
    <message>
        <source>Sale parked. Find it under Menu → Parked sales.</source>
        <translation>Sale parked. Find it under Menu → Parked sales.</translation>
    </message>
    <message>
        <source>(was %1)</source>
        <translation>(was %1)</translation>
    </message>
    <message numerus="yes">
        <source>Basket (%n item(s))</source>
        <translation>
            <numerusform>Basket (%n item)</numerusform>
            <numerusform>Basket (%n items)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, brand, SKU or barcode</source>
        <translation>Search name, brand, SKU or barcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Park</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>VAT %1</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>VAT rate</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>Excl. VAT</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>Incl. VAT</translation>
    </message>
    <message>
        <source>Customer attached: %1.</source>
        <translation>Customer attached: %1.</translation>
    </message>
    <message>
        <source>Manual discount: %1</source>
        <translation>Manual discount: %1</translation>
    </message>
    <message>
        <source>(approved by %1)</source>
        <translation>(approved by %1)</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>+%1 points with this sale</source>
        <translation>+%1 points with this sale</translation>
    </message>
    <message>
        <source>Coupon: %1</source>
        <translation>Coupon: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Your saving</source>
        <translation>Your saving</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Gift card</translation>
    </message>
    <message>
        <source>Exchange credit −%1 · %2 goes back to the customer</source>
        <translation>Exchange credit −%1 · %2 goes back to the customer</translation>
    </message>
    <message>
        <source>Exchange credit −%1 · to pay %2</source>
        <translation>Exchange credit −%1 · to pay %2</translation>
    </message>
    <message>
        <source>Open the Shift screen</source>
        <translation>Open the Shift screen</translation>
    </message>
    <message>
        <source>ordered, not taken home</source>
        <translation>ordered, not taken home</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ShiftScreen</name>
    <message>
        <source>staff member %1</source>
        <translation>staff member %1</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Z report %1</translation>
    </message>
    <message>
        <source>X report (changes nothing)</source>
        <translation>X report (changes nothing)</translation>
    </message>
    <message>
        <source>Shift open — drawer %1</source>
        <translation>Shift open — drawer %1</translation>
    </message>
    <message>
        <source>Opened by %1 on %2.</source>
        <translation>Opened by %1 on %2.</translation>
    </message>
    <message>
        <source>Cash in the drawer now</source>
        <translation>Cash in the drawer now</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Cash refunds</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1</source>
        <translation>
            <numerusform>%n sale, %1</numerusform>
            <numerusform>%n sales, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the count</source>
        <translation>Check the count</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>%1 is missing from the drawer. Count again to be sure.</source>
        <translation>%1 is missing from the drawer. Count again to be sure.</translation>
    </message>
    <message>
        <source>The drawer holds %1 more than expected. Count again to be sure.</source>
        <translation>The drawer holds %1 more than expected. Count again to be sure.</translation>
    </message>
    <message>
        <source>The count matches what the drawer should hold.</source>
        <translation>The count matches what the drawer should hold.</translation>
    </message>
    <message>
        <source>Close the shift to make the Z report with this count and variance. Selling then waits for the next shift.</source>
        <translation>Close the shift to make the Z report with this count and variance. Selling then waits for the next shift.</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Count again</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <source>Shift closed — Z report %1</source>
        <translation>Shift closed — Z report %1</translation>
    </message>
    <message>
        <source>Opened by %1 on %2, closed by %3 on %4.</source>
        <translation>Opened by %1 on %2, closed by %3 on %4.</translation>
    </message>
    <message>
        <source>Close the shift: count the cash in the drawer</source>
        <translation>Close the shift: count the cash in the drawer</translation>
    </message>
    <message>
        <source>Open a shift: count the float</source>
        <translation>Open a shift: count the float</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer. Tap a row, then type the number of pieces or use − and +. The expected amount shows after the count.</source>
        <translation>Count every note and coin in the drawer. Tap a row, then type the number of pieces or use − and +. The expected amount shows after the count.</translation>
    </message>
    <message>
        <source>Count the notes and coins the drawer starts with. Tap a row, then type the number of pieces or use − and +. No float: open with € 0,00.</source>
        <translation>Count the notes and coins the drawer starts with. Tap a row, then type the number of pieces or use − and +. No float: open with €0.00.</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Back to selling</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>No sale</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X report</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Open the next shift</source>
        <translation>Open the next shift</translation>
    </message>
    <message>
        <source>X report: the figures of this shift so far — sales, refunds, cash in and out, and the cash the drawer should hold. It changes nothing.

At the end of the shift, Close shift: count the drawer, compare, and the Z report is made.</source>
        <translation>X report: the figures of this shift so far — sales, refunds, cash in and out, and the cash the drawer should hold. It changes nothing.

At the end of the shift, Close shift: count the drawer, compare, and the Z report is made.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1. The drawer is open: put the float in.</source>
        <translation>Shift opened with a float of %1. The drawer is open: put the float in.</translation>
    </message>
    <message>
        <source>A sale is open. Finish or clear it on the sell screen first, then close the shift.</source>
        <translation>A sale is open. Finish or clear it on the sell screen first, then close the shift.</translation>
    </message>
    <message>
        <source>%1 put in (%2). The drawer should hold %3 now.</source>
        <translation>%1 put in (%2). The drawer should hold %3 now.</translation>
    </message>
    <message>
        <source>%1 taken out (%2). The drawer should hold %3 now.</source>
        <translation>%1 taken out (%2). The drawer should hold %3 now.</translation>
    </message>
    <message>
        <source>The drawer is open (no sale: %1).</source>
        <translation>The drawer is open (no sale: %1).</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>Open the drawer without a sale</translation>
    </message>
    <message>
        <source>The drawer is open (no sale: %1), approved by %2.</source>
        <translation>The drawer is open (no sale: %1), approved by %2.</translation>
    </message>
    <message>
        <source>Z report %1 printed. Keep it with the counted cash.</source>
        <translation>Z report %1 printed. Keep it with the counted cash.</translation>
    </message>
    <message>
        <source>X report printed.</source>
        <translation>X report printed.</translation>
    </message>
    <message>
        <source>The PDF could not be saved in %1. Is the storage full?</source>
        <translation>The PDF could not be saved in %1. Is the storage full?</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Saved as PDF: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SyncChip</name>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>online — %n waiting</source>
        <translation>
            <numerusform>online — %n waiting</numerusform>
            <numerusform>online — %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message numerus="yes">
        <source>offline — %n waiting</source>
        <translation>
            <numerusform>offline — %n waiting</numerusform>
            <numerusform>offline — %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SyncScreen</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>none, but the server has not answered yet</source>
        <translation>none, but the server has not answered yet</translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the server (%n):</source>
        <translation>
            <numerusform>Rejected by the server (%n):</numerusform>
            <numerusform>Rejected by the server (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has rejected nothing.</source>
        <translation>The server has rejected nothing.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Nothing to retry.</translation>
    </message>
    <message>
        <source>Tap an event to see its details.</source>
        <translation>Tap an event to see its details.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Attempts: %1</translation>
    </message>
    <message>
        <source>Number on this tablet: %1</source>
        <translation>Number on this tablet: %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Event: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be sent again.</source>
        <translation>
            <numerusform>%n event will be sent again.</numerusform>
            <numerusform>%n events will be sent again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Last update from the server</source>
        <translation>Last update from the server</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Last problem</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>E-mailed receipts</source>
        <translation>E-mailed receipts</translation>
    </message>
    <message>
        <source>Not known right now: %1</source>
        <translation>Not known right now: %1</translation>
    </message>
    <message>
        <source>Every e-mailed receipt was sent.</source>
        <translation>Every e-mailed receipt was sent.</translation>
    </message>
    <message numerus="yes">
        <source>E-mailed receipts that could not be sent (%n):</source>
        <translation>
            <numerusform>E-mailed receipt that could not be sent (%n):</numerusform>
            <numerusform>E-mailed receipts that could not be sent (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 (%3): %4</source>
        <translation>%1 to %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::TopBar</name>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation>Parked sales</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 pts</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Manager&apos;s day</translation>
    </message>
    <message>
        <source>Training mode…</source>
        <translation>Training mode…</translation>
    </message>
    <message>
        <source>TRAINING — practice only: nothing is really sold, paid or counted</source>
        <translation>TRAINING — practice only: nothing is really sold, paid or counted</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Pickup</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::TrainingSheet</name>
    <message>
        <source>Training on</source>
        <translation>Training on</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <source>Who is practising? Their sales and returns are marked TRAINING: no stock, money, points or cash in the drawer move, and they are left out of every report.</source>
        <translation>Who is practising? Their sales and returns are marked TRAINING: no stock, money, points or cash in the drawer move, and they are left out of every report.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The payment could not be saved on this tablet.</source>
        <translation>The payment could not be saved on this tablet.</translation>
    </message>
</context>
</TS>
