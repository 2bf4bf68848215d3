<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>Core::Tr</name>
    <message>
        <source>The product cache %1 is damaged. It will be rebuilt at the next sync.</source>
        <translation>De productcache %1 is beschadigd. Hij wordt bij de volgende synchronisatie opnieuw opgebouwd.</translation>
    </message>
    <message>
        <source>The product cache %1 could not be opened.</source>
        <translation>De productcache %1 kon niet worden geopend.</translation>
    </message>
    <message>
        <source>This staff account does not exist or is no longer active.</source>
        <translation>Dit medewerkersaccount bestaat niet of is niet meer actief.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. Too many wrong PINs: this account is locked for %n minute(s).</source>
        <translation>
            <numerusform>Onjuiste pincode. Te veel onjuiste pincodes: dit account is %n minuut vergrendeld.</numerusform>
            <numerusform>Onjuiste pincode. Te veel onjuiste pincodes: dit account is %n minuten vergrendeld.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs: this account is locked for %n more minute(s).</source>
        <translation>
            <numerusform>Te veel onjuiste pincodes: dit account is nog %n minuut vergrendeld.</numerusform>
            <numerusform>Te veel onjuiste pincodes: dit account is nog %n minuten vergrendeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>The product cache could not be read or written.</source>
        <translation>De productcache kon niet worden gelezen of geschreven.</translation>
    </message>
    <message>
        <source>No customer with this card is known on this tablet.</source>
        <translation>Er is op deze tablet geen klant met deze kaart bekend.</translation>
    </message>
    <message>
        <source>The customer data on this tablet cannot be read. It will be fetched again at the next sync.</source>
        <translation>De klantgegevens op deze tablet zijn niet leesbaar. Ze worden bij de volgende synchronisatie opnieuw opgehaald.</translation>
    </message>
    <message>
        <source>The payment terminal sent a message the till cannot read.</source>
        <translation>De betaalautomaat stuurde een bericht dat de kassa niet kan lezen.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Try again when the tablet is online.</source>
        <translation>De server is niet bereikbaar. Probeer het opnieuw als de tablet online is.</translation>
    </message>
    <message>
        <source>No sale or order with this number was found. Check the number.</source>
        <translation>Er is geen verkoop of bestelling met dit nummer gevonden. Controleer het nummer.</translation>
    </message>
    <message>
        <source>This order is from another shop and cannot be returned here.</source>
        <translation>Deze bestelling is van een andere winkelketen en kan hier niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>This is a return receipt. A refund cannot be returned.</source>
        <translation>Dit is een retourbon. Een terugbetaling kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</source>
        <translation>Dit is geen bon- of bestelnummer. Scan de QR-code op de bon of typ het nummer.</translation>
    </message>
    <message>
        <source>Someone else returned some of these items first. The lines show what can still be returned.</source>
        <translation>Iemand anders heeft een deel van deze artikelen al geretourneerd. De regels tonen wat nog retour kan.</translation>
    </message>
    <message>
        <source>The server refused the return.</source>
        <translation>De server heeft de retour geweigerd.</translation>
    </message>
</context>
<context>
    <name>ReceiptPdf</name>
    <message>
        <source>The receipt could not be made into a PDF.</source>
        <translation>Van de bon kon geen pdf gemaakt worden.</translation>
    </message>
</context>
<context>
    <name>ServerLookups</name>
    <message>
        <source>Gift cards and store credit need a connection to the server. Try again when the tablet is online, or choose another way to pay.</source>
        <translation>Cadeaukaarten en tegoed hebben een verbinding met de server nodig. Probeer het opnieuw als de tablet online is, of kies een andere betaalwijze.</translation>
    </message>
</context>
<context>
    <name>Toonbank</name>
    <message>
        <source>No barcode was scanned or typed.</source>
        <translation>Er is geen barcode gescand of ingetypt.</translation>
    </message>
    <message>
        <source>Barcode %1 contains characters other than digits.</source>
        <translation>Barcode %1 bevat andere tekens dan cijfers.</translation>
    </message>
    <message numerus="yes">
        <source>Barcode %1 has %n digit(s); a barcode has 8, 12 or 13.</source>
        <translation>
            <numerusform>Barcode %1 heeft %n cijfer; een barcode heeft er 8, 12 of 13.</numerusform>
            <numerusform>Barcode %1 heeft %n cijfers; een barcode heeft er 8, 12 of 13.</numerusform>
        </translation>
    </message>
    <message>
        <source>The check digit of barcode %1 is wrong. Please scan it again.</source>
        <translation>Het controlecijfer van barcode %1 klopt niet. Scan hem opnieuw.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid amount.</source>
        <translation>&quot;%1&quot; is geen geldig bedrag.</translation>
    </message>
    <message>
        <source>The PIN could not be secured. Please try again.</source>
        <translation>De pincode kon niet worden beveiligd. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Please enter a PIN.</source>
        <translation>Voer een pincode in.</translation>
    </message>
    <message>
        <source>A PIN consists of digits only.</source>
        <translation>Een pincode bestaat alleen uit cijfers.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>Een pincode heeft 4 tot 8 cijfers.</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>No VAT rate is known for class &quot;%1&quot; in %2 on %3.</source>
        <translation>Er is geen btw-tarief bekend voor klasse &quot;%1&quot; in %2 op %3.</translation>
    </message>
    <message>
        <source>The receipt printer is not reachable.</source>
        <translation>De bonprinter is niet bereikbaar.</translation>
    </message>
    <message>
        <source>Create a demo cache with toonbank-demogen --out FILE.</source>
        <translation>Maak een democache met toonbank-demogen --out BESTAND.</translation>
    </message>
    <message>
        <source>This cache does not name a store for this device.</source>
        <translation>Deze cache noemt geen winkel voor dit apparaat.</translation>
    </message>
    <message>
        <source>The parked sale could not be saved or read.</source>
        <translation>De geparkeerde verkoop kon niet worden opgeslagen of gelezen.</translation>
    </message>
    <message>
        <source>This parked sale was already resumed on this device.</source>
        <translation>Deze geparkeerde verkoop is op dit apparaat al hervat.</translation>
    </message>
    <message>
        <source>The sale could not be saved. Nothing was recorded; please try again.</source>
        <translation>De verkoop kon niet worden opgeslagen. Er is niets vastgelegd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation>Het mandje is leeg.</translation>
    </message>
    <message>
        <source>The journal has been altered at entry %1.</source>
        <translation>Het journaal is gewijzigd bij regel %1.</translation>
    </message>
    <message>
        <source>The data received is not valid: %1</source>
        <translation>De ontvangen gegevens zijn ongeldig: %1</translation>
    </message>
    <message>
        <source>The sale does not add up: %1</source>
        <translation>De verkoop klopt niet: %1</translation>
    </message>
    <message>
        <source>No product has the barcode %1.</source>
        <translation>Onbekende barcode %1: geen product gevonden.</translation>
    </message>
    <message>
        <source>This product is no longer in the catalog.</source>
        <translation>Dit product staat niet meer in het assortiment.</translation>
    </message>
    <message>
        <source>This store is not in the chain&apos;s list of locations.</source>
        <translation>Deze winkel staat niet in de lijst van vestigingen.</translation>
    </message>
    <message>
        <source>Product %1 has an invalid barcode %2.</source>
        <translation>Product %1 heeft een ongeldige barcode %2.</translation>
    </message>
    <message>
        <source>There is no product cache at %1 yet.</source>
        <translation>Er is nog geen productcache op %1.</translation>
    </message>
    <message>
        <source>The product cache was written by a newer Toonbank. Update the app.</source>
        <translation>De productcache is geschreven door een nieuwere Toonbank. Werk de app bij.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before this account is locked.</source>
        <translation>
            <numerusform>Onjuiste pincode. Nog %n poging voordat dit account wordt vergrendeld.</numerusform>
            <numerusform>Onjuiste pincode. Nog %n pogingen voordat dit account wordt vergrendeld.</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo chain holds %1 to %2 products.</source>
        <translation>De demoketen bevat %1 tot %2 producten.</translation>
    </message>
    <message>
        <source>Writes the product cache of the Toonbank demo chain: 12 stores in the Netherlands and Belgium, a web warehouse in Tilburg, 5 staff per store and N products with barcodes, variants, promotions and stock everywhere.
The tablet&apos;s home is the first store (Amsterdam).

Demo PINs (every staff member has their own salt):
  cashier     %1   (staff E1001-E1003 in Amsterdam, 3 per store)
  supervisor  %2   (E1004 in Amsterdam, 1 per store)
  manager     %3   (E1005 in Amsterdam, 1 per store)</source>
        <translation>Schrijft de productcache van de Toonbank-demoketen: 12 winkels in Nederland en België, een webmagazijn in Tilburg, 5 medewerkers per winkel en N producten met barcodes, varianten, acties en voorraad overal.
De thuiswinkel van de tablet is de eerste winkel (Amsterdam).

Demopincodes (elke medewerker heeft een eigen salt):
  kassamedewerker  %1   (medewerkers E1001-E1003 in Amsterdam, 3 per winkel)
  supervisor       %2   (E1004 in Amsterdam, 1 per winkel)
  manager          %3   (E1005 in Amsterdam, 1 per winkel)</translation>
    </message>
    <message>
        <source>The cache file to write.</source>
        <translation>Het cachebestand dat geschreven wordt.</translation>
    </message>
    <message>
        <source>Number of products, %1 to %2 (default 10000).</source>
        <translation>Aantal producten, %1 tot %2 (standaard 10000).</translation>
    </message>
    <message>
        <source>Seed: the same seed gives the same chain (default 1).</source>
        <translation>Seed: dezelfde seed geeft dezelfde keten (standaard 1).</translation>
    </message>
    <message>
        <source>PBKDF2 iterations for the staff PIN hashes (default %1; lower it for quick test data).</source>
        <translation>PBKDF2-iteraties voor de pincodehashes van medewerkers (standaard %1; verlaag dit voor snelle testgegevens).</translation>
    </message>
    <message>
        <source>Reference day yyyy-mm-dd: promotions run around it (default today).</source>
        <translation>Referentiedag jjjj-mm-dd: acties lopen rond deze dag (standaard vandaag).</translation>
    </message>
    <message>
        <source>Overwrite the file when it exists.</source>
        <translation>Overschrijf het bestand als het al bestaat.</translation>
    </message>
    <message>
        <source>Give the file to write with --out FILE.</source>
        <translation>Geef het te schrijven bestand op met --out BESTAND.</translation>
    </message>
    <message>
        <source>--products needs a whole number.</source>
        <translation>--products vraagt om een geheel getal.</translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation>--seed vraagt om een geheel getal.</translation>
    </message>
    <message>
        <source>--pin-iterations needs a positive whole number.</source>
        <translation>--pin-iterations vraagt om een positief geheel getal.</translation>
    </message>
    <message>
        <source>--date needs a day as yyyy-mm-dd.</source>
        <translation>--date vraagt om een dag als jjjj-mm-dd.</translation>
    </message>
    <message>
        <source>%1 exists already; add --force to overwrite it.</source>
        <translation>%1 bestaat al; voeg --force toe om het te overschrijven.</translation>
    </message>
    <message>
        <source>Cannot remove %1.</source>
        <translation>Kan %1 niet verwijderen.</translation>
    </message>
    <message>
        <source>Wrote %1: %2 locations, %3 staff, %4 products, %5 barcodes, %6 stock figures in %7 s.</source>
        <translation>%1 geschreven: %2 vestigingen, %3 medewerkers, %4 producten, %5 barcodes, %6 voorraadstanden in %7 s.</translation>
    </message>
    <message>
        <source>The demo cache could not be prepared.</source>
        <translation>De democache kon niet worden voorbereid.</translation>
    </message>
    <message>
        <source>%1 of %2 products (%3 s)</source>
        <translation>%1 van %2 producten (%3 s)</translation>
    </message>
    <message>
        <source>The server cannot be reached; sales are kept and sent later.</source>
        <translation>De server is niet bereikbaar; verkopen worden bewaard en later verstuurd.</translation>
    </message>
    <message>
        <source>This tablet is not (or no longer) enrolled with the server.</source>
        <translation>Deze tablet is niet (meer) aangemeld bij de server.</translation>
    </message>
    <message>
        <source>The server refused the data from this tablet.</source>
        <translation>De server heeft de gegevens van deze tablet geweigerd.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate does not match the enrolment details.</source>
        <translation>Het certificaat van de server komt niet overeen met de aanmeldgegevens.</translation>
    </message>
    <message>
        <source>No receipt printer is connected to this tablet.</source>
        <translation>Er is geen bonprinter aangesloten op deze tablet.</translation>
    </message>
    <message>
        <source>The server credentials on this tablet cannot be read. Enrol the tablet again.</source>
        <translation>De servergegevens op deze tablet kunnen niet worden gelezen. Meld de tablet opnieuw aan.</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with a server yet.</source>
        <translation>Deze tablet is nog niet aangemeld bij een server.</translation>
    </message>
    <message>
        <source>The server credentials could not be saved.</source>
        <translation>De servergegevens konden niet worden opgeslagen.</translation>
    </message>
    <message>
        <source>Changes from the server could not be saved on this tablet.</source>
        <translation>Wijzigingen van de server konden niet op deze tablet worden opgeslagen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid phone number.</source>
        <translation>&quot;%1&quot; is geen geldig telefoonnummer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a loyalty card.</source>
        <translation>&quot;%1&quot; is geen klantenkaart.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid e-mail address.</source>
        <translation>&quot;%1&quot; is geen geldig e-mailadres.</translation>
    </message>
    <message>
        <source>A promotion needs an id.</source>
        <translation>Een actie heeft een id nodig.</translation>
    </message>
    <message>
        <source>Promotion %1 has a negative amount.</source>
        <translation>Actie %1 heeft een negatief bedrag.</translation>
    </message>
    <message>
        <source>Promotion %1 has a percentage outside 0–100 %.</source>
        <translation>Actie %1 heeft een percentage buiten 0–100 %.</translation>
    </message>
    <message>
        <source>Promotion %1 ends before it starts.</source>
        <translation>Actie %1 eindigt voordat hij begint.</translation>
    </message>
    <message>
        <source>Promotion %1 does not say which products it is for.</source>
        <translation>Actie %1 zegt niet voor welke producten hij geldt.</translation>
    </message>
    <message>
        <source>Promotion %1 has no percentage.</source>
        <translation>Actie %1 heeft geen percentage.</translation>
    </message>
    <message>
        <source>Promotion %1 cannot apply to the whole basket.</source>
        <translation>Actie %1 kan niet voor de hele mand gelden.</translation>
    </message>
    <message>
        <source>Promotion %1 has quantities that do not make sense.</source>
        <translation>Actie %1 heeft aantallen die niet kloppen.</translation>
    </message>
    <message>
        <source>Promotion %1 has no amount.</source>
        <translation>Actie %1 heeft geen bedrag.</translation>
    </message>
    <message>
        <source>Bundle promotion %1 must list products.</source>
        <translation>Bundelactie %1 moet producten noemen.</translation>
    </message>
    <message>
        <source>Bundle promotion %1 needs at least two products.</source>
        <translation>Bundelactie %1 heeft minstens twee producten nodig.</translation>
    </message>
    <message>
        <source>Promotion %1 needs a threshold and an amount.</source>
        <translation>Actie %1 heeft een drempel en een bedrag nodig.</translation>
    </message>
    <message>
        <source>The sale has no date and time.</source>
        <translation>De verkoop heeft geen datum en tijd.</translation>
    </message>
    <message>
        <source>A line of the sale has no unique id.</source>
        <translation>Een regel van de verkoop heeft geen unieke id.</translation>
    </message>
    <message>
        <source>The quantity of &quot;%1&quot; cannot be zero.</source>
        <translation>Het aantal van &quot;%1&quot; kan niet nul zijn.</translation>
    </message>
    <message>
        <source>The price of &quot;%1&quot; cannot be negative.</source>
        <translation>De prijs van &quot;%1&quot; kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>A discount on &quot;%1&quot; cannot be negative.</source>
        <translation>Een korting op &quot;%1&quot; kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>A discount on &quot;%1&quot; cannot be more than 100 %.</source>
        <translation>Een korting op &quot;%1&quot; kan niet meer dan 100 % zijn.</translation>
    </message>
    <message>
        <source>A discount of %1 on &quot;%2&quot; is more than the %3 left of the line.</source>
        <translation>Een korting van %1 op &quot;%2&quot; is meer dan de %3 die van de regel over is.</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>Handmatige korting</translation>
    </message>
    <message>
        <source>No customer was found. Check the details or enrol the customer.</source>
        <translation>Geen klant gevonden. Controleer de gegevens of schrijf de klant in.</translation>
    </message>
    <message>
        <source>This line is no longer in the basket.</source>
        <translation>Deze regel staat niet meer in het mandje.</translation>
    </message>
    <message>
        <source>This approval is for something else. Ask the manager again.</source>
        <translation>Deze goedkeuring is voor iets anders. Vraag de manager opnieuw.</translation>
    </message>
    <message>
        <source>This parked sale cannot be read by this version of Toonbank.</source>
        <translation>Deze geparkeerde verkoop kan door deze versie van Toonbank niet gelezen worden.</translation>
    </message>
    <message>
        <source>A customer with this card number already exists.</source>
        <translation>Er bestaat al een klant met dit kaartnummer.</translation>
    </message>
    <message>
        <source>The server sent an invalid change-feed position.</source>
        <translation>De server stuurde een ongeldige positie in de wijzigingenstroom.</translation>
    </message>
    <message>
        <source>The sale has no payment.</source>
        <translation>De verkoop heeft geen betaling.</translation>
    </message>
    <message>
        <source>Every payment must be more than zero.</source>
        <translation>Elke betaling moet meer dan nul zijn.</translation>
    </message>
    <message>
        <source>Only a points payment can redeem points.</source>
        <translation>Alleen een betaling met punten kan punten inwisselen.</translation>
    </message>
    <message>
        <source>The change does not match the cash handed over.</source>
        <translation>Het wisselgeld klopt niet met het ontvangen contante geld.</translation>
    </message>
    <message>
        <source>Cash is paid in steps of 5 cents in this store.</source>
        <translation>Contant wordt in deze winkel in stappen van 5 cent betaald.</translation>
    </message>
    <message>
        <source>A card payment must name its terminal transaction.</source>
        <translation>Een pinbetaling moet haar transactie van de betaalautomaat noemen.</translation>
    </message>
    <message>
        <source>A gift card payment must name the card and its claim.</source>
        <translation>Een betaling met een cadeaukaart moet de kaart en haar reservering noemen.</translation>
    </message>
    <message>
        <source>Store credit can only be used by the customer it belongs to.</source>
        <translation>Tegoed kan alleen gebruikt worden door de klant van wie het is.</translation>
    </message>
    <message>
        <source>Points can only be redeemed by the customer they belong to.</source>
        <translation>Punten kunnen alleen ingewisseld worden door de klant van wie ze zijn.</translation>
    </message>
    <message>
        <source>The points do not match the amount they pay.</source>
        <translation>De punten kloppen niet met het bedrag dat ze betalen.</translation>
    </message>
    <message>
        <source>Only cash can be handed over with change.</source>
        <translation>Alleen bij contant geld hoort wisselgeld.</translation>
    </message>
    <message>
        <source>The payments (%1) do not match the amount due (%2).</source>
        <translation>De betalingen (%1) kloppen niet met het te betalen bedrag (%2).</translation>
    </message>
    <message>
        <source>The cash rounding of this sale is not right.</source>
        <translation>De afronding van contant geld klopt niet bij deze verkoop.</translation>
    </message>
    <message>
        <source>A gift card number has only digits.</source>
        <translation>Een cadeaukaartnummer bestaat alleen uit cijfers.</translation>
    </message>
    <message>
        <source>A gift card number has 12 to 19 digits.</source>
        <translation>Een cadeaukaartnummer heeft 12 tot 19 cijfers.</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Volg de instructies op de betaalautomaat</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Declined — ask for another card or another way to pay</source>
        <translation>Geweigerd — vraag om een andere kaart of een andere betaalwijze</translation>
    </message>
    <message>
        <source>Cancelled on the terminal — try again or choose another way to pay</source>
        <translation>Geannuleerd op de betaalautomaat — probeer opnieuw of kies een andere betaalwijze</translation>
    </message>
    <message>
        <source>The terminal is busy — wait a moment and try again</source>
        <translation>De betaalautomaat is bezig — wacht even en probeer opnieuw</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>Geen antwoord van de betaalautomaat — we controleren wat er gebeurd is…</translation>
    </message>
    <message>
        <source>The terminal cannot be reached — check that it is on and connected, then check again</source>
        <translation>De betaalautomaat is niet bereikbaar — controleer of hij aan staat en verbonden is, en controleer dan opnieuw</translation>
    </message>
    <message>
        <source>The payment could not be saved on this tablet. Nothing was charged; please try again.</source>
        <translation>De betaling kon niet op deze tablet worden opgeslagen. Er is niets afgeschreven; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Another payment is still open on this tablet. Finish or cancel it first.</source>
        <translation>Er staat nog een andere betaling open op deze tablet. Rond die eerst af of annuleer hem.</translation>
    </message>
    <message>
        <source>This payment is no longer open.</source>
        <translation>Deze betaling staat niet meer open.</translation>
    </message>
    <message>
        <source>A gift card can be loaded with %1 to %2.</source>
        <translation>Op een cadeaukaart kan %1 tot %2 gezet worden.</translation>
    </message>
    <message>
        <source>An exchange credit must name its return.</source>
        <translation>Een ruiltegoed moet naar zijn retour verwijzen.</translation>
    </message>
    <message>
        <source>A return cannot be returned.</source>
        <translation>Een retour kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>This item is not on the receipt or order.</source>
        <translation>Dit artikel staat niet op de bon of bestelling.</translation>
    </message>
    <message>
        <source>A gift card cannot be returned.</source>
        <translation>Een cadeaukaart kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>%1 has already been returned.</source>
        <translation>%1 is al geretourneerd.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n of %1 can still be returned.</source>
        <translation>
            <numerusform>Nog maar %n van %1 kan retour.</numerusform>
            <numerusform>Nog maar %n van %1 kunnen retour.</numerusform>
        </translation>
    </message>
    <message>
        <source>The return period ended on %1.</source>
        <translation>De retourtermijn is verlopen op %1.</translation>
    </message>
    <message>
        <source>%1 is a final-sale item and cannot be returned.</source>
        <translation>%1 is uitverkoop zonder retourrecht en kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Kies minstens één artikel om te retourneren.</translation>
    </message>
    <message>
        <source>The payments of this order cannot take a refund of %1: part of it was refunded already.</source>
        <translation>Op de betalingen van deze bestelling kan geen %1 worden terugbetaald: een deel is al terugbetaald.</translation>
    </message>
    <message>
        <source>The points paid with must go back as points.</source>
        <translation>Punten waarmee betaald is, gaan terug als punten.</translation>
    </message>
    <message>
        <source>The return has no refund.</source>
        <translation>De retour heeft geen terugbetaling.</translation>
    </message>
    <message>
        <source>Every refund must be more than zero.</source>
        <translation>Elke terugbetaling moet meer dan nul zijn.</translation>
    </message>
    <message>
        <source>This order cannot be refunded this way.</source>
        <translation>Deze bestelling kan niet op deze manier worden terugbetaald.</translation>
    </message>
    <message>
        <source>A refund must name where the money goes.</source>
        <translation>Een terugbetaling moet vermelden waar het geld naartoe gaat.</translation>
    </message>
    <message>
        <source>The refunds (%1) do not match the amount to refund (%2).</source>
        <translation>De terugbetalingen (%1) kloppen niet met het terug te betalen bedrag (%2).</translation>
    </message>
    <message>
        <source>More than was paid this way would be refunded (%1 of %2).</source>
        <translation>Er zou meer worden terugbetaald dan op deze manier is betaald (%1 van %2).</translation>
    </message>
    <message>
        <source>The cash rounding of this return is not right.</source>
        <translation>De contante afronding van deze retour klopt niet.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Pin %1</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Webbetaling</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Towards the new sale</source>
        <translation>Voor de nieuwe aankoop</translation>
    </message>
    <message>
        <source>This receipt is not from this tablet. Returning it needs the network; try again when the tablet is online.</source>
        <translation>Deze bon is niet van deze tablet. Retourneren kan alleen met netwerk; probeer het opnieuw als de tablet online is.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>De server antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The return could not be saved. Nothing was recorded; please try again.</source>
        <translation>De retour kon niet worden opgeslagen. Er is niets vastgelegd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>%1 was already returned.</source>
        <translation>%1 is al geretourneerd.</translation>
    </message>
    <message>
        <source>Another return is still running on this tablet. Finish it first.</source>
        <translation>Er loopt nog een andere retour op deze tablet. Rond die eerst af.</translation>
    </message>
    <message>
        <source>The return data does not add up: %1</source>
        <translation>De retourgegevens kloppen niet: %1</translation>
    </message>
    <message>
        <source>The server has not answered whether these items can be returned. Nothing was refunded. Press Check again when the tablet is online, or cancel the return.</source>
        <translation>De server heeft nog niet geantwoord of deze artikelen retour kunnen. Er is niets terugbetaald. Druk op Opnieuw controleren als de tablet online is, of annuleer de retour.</translation>
    </message>
    <message>
        <source>The journal has a gap at entry %1: an entry is missing or out of order.</source>
        <translation>Het journaal heeft een gat bij regel %1: er ontbreekt een regel of de volgorde klopt niet.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal does not follow the entry before it.</source>
        <translation>Regel %1 van het journaal sluit niet aan op de regel ervoor.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal has been altered.</source>
        <translation>Regel %1 van het journaal is gewijzigd.</translation>
    </message>
    <message>
        <source>Entry %1 of the journal does not match its recorded content.</source>
        <translation>Regel %1 van het journaal komt niet overeen met de vastgelegde inhoud.</translation>
    </message>
    <message>
        <source>The grand total of the journal is wrong at entry %1.</source>
        <translation>Het eeuwigdurend totaal van het journaal klopt niet bij regel %1.</translation>
    </message>
    <message>
        <source>%1 is not a euro coin or note.</source>
        <translation>%1 is geen euromunt of -biljet.</translation>
    </message>
    <message>
        <source>The count for %1 cannot be negative.</source>
        <translation>Het aantal voor %1 kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>The count for %1 is too large.</source>
        <translation>Het aantal voor %1 is te groot.</translation>
    </message>
    <message>
        <source>The count for %1 must be a whole number of pieces.</source>
        <translation>Het aantal voor %1 moet een heel aantal stuks zijn.</translation>
    </message>
    <message>
        <source>Give a reason of 1 to %1 characters.</source>
        <translation>Geef een reden van 1 tot %1 tekens.</translation>
    </message>
    <message>
        <source>A drawer opened without a sale moves no money.</source>
        <translation>Een lade die zonder verkoop opengaat, verplaatst geen geld.</translation>
    </message>
    <message>
        <source>The amount must be more than %1 and at most %2.</source>
        <translation>Het bedrag moet meer zijn dan %1 en ten hoogste %2.</translation>
    </message>
    <message>
        <source>The drawer holds only %1; %2 cannot be taken out.</source>
        <translation>De lade bevat maar %1; %2 kan er niet uit.</translation>
    </message>
    <message>
        <source>Not in training mode: take cash or card instead.</source>
        <translation>Niet in oefenmodus: neem contant of pin.</translation>
    </message>
    <message>
        <source>Not in training mode: refund in cash or to the card instead.</source>
        <translation>Niet in oefenmodus: betaal contant of op de kaart terug.</translation>
    </message>
    <message>
        <source>The shift could not be saved. Nothing was recorded; please try again.</source>
        <translation>De dienst kon niet worden opgeslagen. Er is niets vastgelegd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This shift is not open any more. Open a new shift on the Shift screen.</source>
        <translation>Deze dienst is niet meer open. Open een nieuwe dienst op het scherm Dienst.</translation>
    </message>
    <message>
        <source>Drawer %1 already has an open shift. Close it before opening a new one.</source>
        <translation>Lade %1 heeft al een open dienst. Sluit die voordat u een nieuwe opent.</translation>
    </message>
    <message>
        <source>The cash count received is not valid: %1</source>
        <translation>De ontvangen kastelling is niet geldig: %1</translation>
    </message>
    <message>
        <source>Enter the name of the person receiving the order.</source>
        <translation>Vul de naam in van wie de bestelling ontvangt.</translation>
    </message>
    <message>
        <source>Enter the street and house number.</source>
        <translation>Vul de straat en het huisnummer in.</translation>
    </message>
    <message>
        <source>We deliver in the Netherlands and Belgium only.</source>
        <translation>We bezorgen alleen in Nederland en België.</translation>
    </message>
    <message>
        <source>Enter the postcode.</source>
        <translation>Vul de postcode in.</translation>
    </message>
    <message>
        <source>A Dutch postcode has 4 digits and 2 letters, like 1012 AB.</source>
        <translation>Een Nederlandse postcode heeft 4 cijfers en 2 letters, zoals 1012 AB.</translation>
    </message>
    <message>
        <source>A Belgian postcode has 4 digits, like 1000.</source>
        <translation>Een Belgische postcode heeft 4 cijfers, zoals 1000.</translation>
    </message>
    <message>
        <source>Enter the town or city.</source>
        <translation>Vul de plaats in.</translation>
    </message>
    <message>
        <source>Standard delivery</source>
        <translation>Standaardbezorging</translation>
    </message>
    <message>
        <source>Express delivery</source>
        <translation>Snelle bezorging</translation>
    </message>
    <message>
        <source>Pick up in store</source>
        <translation>Afhalen in de winkel</translation>
    </message>
    <message>
        <source>This delivery option is not offered.</source>
        <translation>Deze bezorgoptie wordt niet aangeboden.</translation>
    </message>
    <message>
        <source>Choose the store where the customer picks the order up.</source>
        <translation>Kies de winkel waar de klant de bestelling afhaalt.</translation>
    </message>
    <message>
        <source>The delivery price does not match the delivery option.</source>
        <translation>De bezorgprijs past niet bij de bezorgoptie.</translation>
    </message>
    <message>
        <source>Reserve between 1 and %1 pieces.</source>
        <translation>Reserveer 1 tot %1 stuks.</translation>
    </message>
    <message>
        <source>None left to reserve there.</source>
        <translation>Daar is niets meer te reserveren.</translation>
    </message>
    <message>
        <source>Only %1 available there.</source>
        <translation>Daar zijn er nog maar %1 beschikbaar.</translation>
    </message>
    <message>
        <source>This reservation has already been collected.</source>
        <translation>Deze reservering is al opgehaald.</translation>
    </message>
    <message>
        <source>This hold is already part of a paid order.</source>
        <translation>Deze reservering hoort al bij een betaalde bestelling.</translation>
    </message>
    <message>
        <source>This reservation was cancelled.</source>
        <translation>Deze reservering is geannuleerd.</translation>
    </message>
    <message>
        <source>This reservation has expired.</source>
        <translation>Deze reservering is verlopen.</translation>
    </message>
    <message>
        <source>This reservation was released back to stock.</source>
        <translation>Deze reservering is weer vrijgegeven aan de voorraad.</translation>
    </message>
    <message>
        <source>This order has already been collected.</source>
        <translation>Deze bestelling is al opgehaald.</translation>
    </message>
    <message>
        <source>This order is no longer waiting for pickup: it was released.</source>
        <translation>Deze bestelling ligt niet meer klaar: hij is vrijgegeven.</translation>
    </message>
    <message>
        <source>A line is listed twice in the handover.</source>
        <translation>Een regel staat twee keer in de overdracht.</translation>
    </message>
    <message>
        <source>This line is not part of the order.</source>
        <translation>Deze regel hoort niet bij de bestelling.</translation>
    </message>
    <message>
        <source>Only %1 of this line left to hand over.</source>
        <translation>Van deze regel zijn er nog maar %1 mee te geven.</translation>
    </message>
    <message>
        <source>Choose at least one item to hand over.</source>
        <translation>Kies minstens één artikel om mee te geven.</translation>
    </message>
    <message>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 werkdag</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 werkdagen</translation>
    </message>
    <message>
        <source>free from %1</source>
        <translation>gratis vanaf %1</translation>
    </message>
    <message>
        <source>This line is part of an order. Remove it to cancel the order, then order again.</source>
        <translation>Deze regel hoort bij een bestelling. Verwijder hem om de bestelling te annuleren en bestel daarna opnieuw.</translation>
    </message>
    <message>
        <source>The pickup could not be saved. Nothing was recorded; please try again.</source>
        <translation>De afhaling kon niet worden opgeslagen. Er is niets vastgelegd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This order is not in this store&apos;s pickup list.</source>
        <translation>Deze bestelling staat niet in de afhaallijst van deze winkel.</translation>
    </message>
    <message>
        <source>The server has no product catalog file ready yet.</source>
        <translation>De server heeft nog geen assortimentsbestand klaar.</translation>
    </message>
    <message>
        <source>The server no longer has this product catalog file; a newer one is fetched.</source>
        <translation>De server heeft dit assortimentsbestand niet meer; er wordt een nieuwer opgehaald.</translation>
    </message>
    <message>
        <source>The product catalog could not be copied onto this tablet; it is tried again.</source>
        <translation>Het assortiment kon niet op deze tablet worden gezet; het wordt opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>The product catalog from the server arrived damaged; it is downloaded again.</source>
        <translation>Het assortiment van de server kwam beschadigd aan; het wordt opnieuw gedownload.</translation>
    </message>
    <message>
        <source>The product catalog from the server has a form this app does not know. Update the app.</source>
        <translation>Het assortiment van de server heeft een vorm die deze app niet kent. Werk de app bij.</translation>
    </message>
    <message>
        <source>A pickup code has 6 digits. Type all six from the customer&apos;s message.</source>
        <translation>Een afhaalcode heeft 6 cijfers. Typ alle zes uit het bericht van de klant.</translation>
    </message>
    <message>
        <source>This code does not match the order. Tries left: %1. After that, only the ID check remains.</source>
        <translation>Deze code hoort niet bij de bestelling. Nog %1 pogingen. Daarna blijft alleen de ID-controle over.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Check the customer&apos;s ID instead.</source>
        <translation>Te veel foute codes. Controleer in plaats daarvan het ID van de klant.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::NexoHttpTerminal</name>
    <message>
        <source>Insert, tap or swipe the card on the terminal</source>
        <translation>Steek, houd of haal de kaart langs de betaalautomaat</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::ReceiptLayout</name>
    <message>
        <source>*** TRAINING — NOT A RECEIPT ***</source>
        <translation>*** TRAINING — GEEN KASSABON ***</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>U werd geholpen door</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>btw %1</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAAL</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Afronding contant</translation>
    </message>
    <message>
        <source>To pay in cash</source>
        <translation>Contant te betalen</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Contant ontvangen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wisselgeld</translation>
    </message>
    <message>
        <source>VAT summary</source>
        <translation>Btw-overzicht</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarief</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Btw</translation>
    </message>
    <message>
        <source>Incl.</source>
        <translation>Incl.</translation>
    </message>
    <message>
        <source>Thank you for your visit!</source>
        <translation>Bedankt voor uw bezoek!</translation>
    </message>
    <message>
        <source>*** COPY ***</source>
        <translation>*** KOPIE ***</translation>
    </message>
    <message>
        <source>Copy — not a new sale</source>
        <translation>Kopie — geen nieuwe verkoop</translation>
    </message>
    <message>
        <source>VAT no. %1</source>
        <translation>Btw-nr. %1</translation>
    </message>
    <message>
        <source>Total after rounding</source>
        <translation>Totaal na afronding</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Betaald met</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Pin %1</translation>
    </message>
    <message>
        <source>Terminal ref. %1</source>
        <translation>Ref. automaat %1</translation>
    </message>
    <message>
        <source>Auth. code %1</source>
        <translation>Autorisatiecode %1</translation>
    </message>
    <message>
        <source>Gift card %1</source>
        <translation>Cadeaukaart %1</translation>
    </message>
    <message>
        <source>Balance left on card</source>
        <translation>Saldo op kaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Store credit left</source>
        <translation>Resterend tegoed</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>Punten (%1)</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Gespaarde punten</translation>
    </message>
    <message>
        <source>Your points balance</source>
        <translation>Uw puntensaldo</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Ruiltegoed</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Retour %1</translation>
    </message>
    <message>
        <source>RETURN</source>
        <translation>RETOUR</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Original receipt</source>
        <translation>Oorspronkelijke bon</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Webbestelling</translation>
    </message>
    <message>
        <source>Without receipt</source>
        <translation>Zonder bon</translation>
    </message>
    <message>
        <source>%1 returned</source>
        <translation>%1 retour</translation>
    </message>
    <message>
        <source>Delivery cost</source>
        <translation>Verzendkosten</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>TERUGBETALING</translation>
    </message>
    <message>
        <source>Refund after rounding</source>
        <translation>Terugbetaling na afronding</translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Terugbetaald via</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Webbetaling</translation>
    </message>
    <message>
        <source>Payment ref. %1</source>
        <translation>Betalingsref. %1</translation>
    </message>
    <message>
        <source>Refunded to the original web payment.</source>
        <translation>Terugbetaald op de oorspronkelijke webbetaling.</translation>
    </message>
    <message>
        <source>Points given back (%1)</source>
        <translation>Punten teruggegeven (%1)</translation>
    </message>
    <message>
        <source>New sale %1</source>
        <translation>Nieuwe aankoop %1</translation>
    </message>
    <message>
        <source>Points given back</source>
        <translation>Punten teruggegeven</translation>
    </message>
    <message>
        <source>Points taken back</source>
        <translation>Punten teruggenomen</translation>
    </message>
    <message>
        <source>VAT summary of the refund</source>
        <translation>Btw-overzicht van de terugbetaling</translation>
    </message>
    <message>
        <source>Copy — not a new return</source>
        <translation>Kopie — geen nieuwe retour</translation>
    </message>
    <message>
        <source>A return cannot be returned again.</source>
        <translation>Een retour kan niet nog eens worden geretourneerd.</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Webbestelling %1</translation>
    </message>
    <message>
        <source>1 working day</source>
        <translation>1 werkdag</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 werkdagen</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <source>Deliver to:</source>
        <translation>Bezorgen op:</translation>
    </message>
    <message>
        <source>Pick up at: %1</source>
        <translation>Afhalen bij: %1</translation>
    </message>
    <message>
        <source>Pickup code</source>
        <translation>Afhaalcode</translation>
    </message>
</context>
<context>
    <name>Toonbank::Devices::ShiftReportLayout</name>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Ruiltegoed</translation>
    </message>
    <message>
        <source>Z REPORT nr %1</source>
        <translation>Z-RAPPORT nr %1</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>X-RAPPORT</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>OEFENMODUS</translation>
    </message>
    <message>
        <source>Interim report: the shift stays open</source>
        <translation>Tussenrapport: de dienst blijft open</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Lade</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Boekdatum</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geopend</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Geopend door</translation>
    </message>
    <message>
        <source>staff %1</source>
        <translation>medewerker %1</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Gesloten door</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Afgedrukt</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>Afgedrukt door</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>Omzet</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>Verkopen (%1)</translation>
    </message>
    <message>
        <source>Items sold</source>
        <translation>Verkochte artikelen</translation>
    </message>
    <message>
        <source>Returns (%1)</source>
        <translation>Retouren (%1)</translation>
    </message>
    <message>
        <source>Net takings</source>
        <translation>Netto omzet</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Afronding contant</translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation>Geannuleerde verkopen</translation>
    </message>
    <message>
        <source>Training sales and returns (not counted)</source>
        <translation>Oefenverkopen (niet meegeteld)</translation>
    </message>
    <message>
        <source>Sales per tender</source>
        <translation>Verkopen per betaalwijze</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>Refunds per tender</source>
        <translation>Terugbetalingen per betaalwijze</translation>
    </message>
    <message>
        <source>VAT per rate</source>
        <translation>Btw per tarief</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tarief</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Btw</translation>
    </message>
    <message>
        <source>Incl.</source>
        <translation>Incl.</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassalade</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Wisselgeld bij opening</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Contante verkopen</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Contante terugbetalingen</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Geld in lade</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Geld uit lade</translation>
    </message>
    <message>
        <source>No-sale drawer opens</source>
        <translation>Lade geopend zonder verkoop</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Verwacht in lade</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Geteld</translation>
    </message>
    <message>
        <source>Nothing counted</source>
        <translation>Niets geteld</translation>
    </message>
    <message>
        <source>Counted total</source>
        <translation>Totaal geteld</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Cash short</source>
        <translation>Kastekort</translation>
    </message>
    <message>
        <source>Cash over</source>
        <translation>Kasoverschot</translation>
    </message>
    <message>
        <source>End of Z report nr %1</source>
        <translation>Einde Z-rapport nr %1</translation>
    </message>
    <message>
        <source>End of X report</source>
        <translation>Einde X-rapport</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::CustomerService</name>
    <message>
        <source>This is not a loyalty card number.</source>
        <translation>Dit is geen klantenkaartnummer.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Vul de naam van de klant in.</translation>
    </message>
    <message>
        <source>Enter an e-mail address or a phone number.</source>
        <translation>Vul een e-mailadres of een telefoonnummer in.</translation>
    </message>
    <message>
        <source>A customer with this e-mail address already exists: %1.</source>
        <translation>Er bestaat al een klant met dit e-mailadres: %1.</translation>
    </message>
    <message>
        <source>A customer with this phone number already exists: %1.</source>
        <translation>Er bestaat al een klant met dit telefoonnummer: %1.</translation>
    </message>
    <message>
        <source>This product is not on the customer&apos;s wish list.</source>
        <translation>Dit product staat niet op het verlanglijstje van de klant.</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Enrolled offline as a new customer; the server found an existing customer with the same phone number and merged them.</source>
        <translation>Offline ingeschreven als nieuwe klant; de server vond een bestaande klant met hetzelfde telefoonnummer en heeft ze samengevoegd.</translation>
    </message>
    <message>
        <source>Enrolled offline as a new customer; the server found an existing customer with the same e-mail and merged them.</source>
        <translation>Offline ingeschreven als nieuwe klant; de server vond een bestaande klant met hetzelfde e-mailadres en heeft ze samengevoegd.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::LiveStock</name>
    <message>
        <source>No connection to the server: these are the last figures this tablet received.</source>
        <translation>Geen verbinding met de server: dit zijn de laatste cijfers die deze tablet kreeg.</translation>
    </message>
    <message>
        <source>The server could not give the stock of this product.</source>
        <translation>De server kon de voorraad van dit product niet geven.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ManagerService</name>
    <message>
        <source>The day&apos;s figures could not be read from this tablet.</source>
        <translation>De cijfers van de dag konden niet van deze tablet worden gelezen.</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Ruiltegoed</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>Handmatige korting</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Prijswijziging</translation>
    </message>
    <message>
        <source>Refund without receipt</source>
        <translation>Terugbetaling zonder bon</translation>
    </message>
    <message>
        <source>Return exception</source>
        <translation>Uitzondering op retour</translation>
    </message>
    <message>
        <source>No-sale drawer open</source>
        <translation>Lade geopend zonder verkoop</translation>
    </message>
    <message>
        <source>The manager&apos;s day could not be made into a PDF.</source>
        <translation>Van de dag van de manager kon geen pdf worden gemaakt.</translation>
    </message>
    <message>
        <source>Manager&apos;s day %1 %2</source>
        <translation>Dag van de manager %1 %2</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Dag van de manager</translation>
    </message>
    <message>
        <source>Store %1</source>
        <translation>Winkel %1</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkopen</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Terugbetalingen</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Annuleringen</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Verkopen per uur</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Uur</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>%1:00–%2:00</source>
        <translation>%1:00–%2:00</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Geen verkopen</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>Per medewerker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Terugbetaald</translation>
    </message>
    <message>
        <source>Per tender</source>
        <translation>Per betaalwijze</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Bon</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Goedgekeurd door</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Goedkeuringen</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Gevraagd door</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Open diensten</translation>
    </message>
    <message>
        <source>Drawer %1</source>
        <translation>Lade %1</translation>
    </message>
    <message>
        <source>No shift is open</source>
        <translation>Er is geen dienst open</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::OrderService</name>
    <message>
        <source>A price changed since this tablet last synced. Sync, then order again.</source>
        <translation>Er is een prijs veranderd sinds deze tablet voor het laatst synchroniseerde. Synchroniseer en bestel dan opnieuw.</translation>
    </message>
    <message>
        <source>There is not enough stock there any more for this order.</source>
        <translation>Daar is niet genoeg voorraad meer voor deze bestelling.</translation>
    </message>
    <message>
        <source>Order between 1 and 99 of a product.</source>
        <translation>Bestel 1 tot 99 stuks van een product.</translation>
    </message>
    <message>
        <source>The server did not accept the address. Check it and try again.</source>
        <translation>De server accepteerde het adres niet. Controleer het en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This delivery option cannot be used for this order.</source>
        <translation>Deze bezorgoptie kan niet voor deze bestelling worden gebruikt.</translation>
    </message>
    <message>
        <source>You may not place orders.</source>
        <translation>U mag geen bestellingen plaatsen.</translation>
    </message>
    <message>
        <source>The server refused the order.</source>
        <translation>De server heeft de bestelling geweigerd.</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Log eerst in.</translation>
    </message>
    <message>
        <source>A payment is in progress. Finish or cancel it first.</source>
        <translation>Er loopt een betaling. Rond die eerst af of annuleer hem.</translation>
    </message>
    <message>
        <source>This sale has an order already. Pay it first, or remove it, before ordering again.</source>
        <translation>Deze verkoop heeft al een bestelling. Reken die eerst af of verwijder hem voordat u opnieuw bestelt.</translation>
    </message>
    <message>
        <source>There is nothing to order.</source>
        <translation>Er is niets om te bestellen.</translation>
    </message>
    <message>
        <source>Choose a delivery option.</source>
        <translation>Kies een bezorgoptie.</translation>
    </message>
    <message>
        <source>This tablet does not know the web warehouse yet. Sync first.</source>
        <translation>Deze tablet kent het webmagazijn nog niet. Synchroniseer eerst.</translation>
    </message>
    <message>
        <source>Choose the store where the customer picks it up.</source>
        <translation>Kies de winkel waar de klant het afhaalt.</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>Vul de naam van de klant in.</translation>
    </message>
    <message>
        <source>Enter a phone number of at least 6 digits.</source>
        <translation>Vul een telefoonnummer van minstens 6 cijfers in.</translation>
    </message>
    <message>
        <source>This product has no valid VAT class; it cannot be sold.</source>
        <translation>Dit product heeft geen geldige btw-klasse; het kan niet verkocht worden.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Verzending</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::OverrideService</name>
    <message>
        <source>Please log in first.</source>
        <translation>Log eerst in.</translation>
    </message>
    <message>
        <source>Give a reason for the approval; it is kept with the sale.</source>
        <translation>Geef een reden voor de goedkeuring; die wordt bij de verkoop bewaard.</translation>
    </message>
    <message>
        <source>Someone else must approve this: you cannot approve your own request.</source>
        <translation>Iemand anders moet dit goedkeuren: u kunt uw eigen verzoek niet goedkeuren.</translation>
    </message>
    <message>
        <source>%1 does not work in this store.</source>
        <translation>%1 werkt niet in deze winkel.</translation>
    </message>
    <message>
        <source>%1 is a %2 and cannot approve this.</source>
        <translation>%1 is %2 en kan dit niet goedkeuren.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::PaymentService</name>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Card %1 %2</source>
        <translation>Pin %1 %2</translation>
    </message>
    <message>
        <source>Gift card …%1</source>
        <translation>Cadeaukaart …%1</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Points (%1)</source>
        <translation>Punten (%1)</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer</source>
        <translation>Wacht tot de lopende betaling een antwoord heeft</translation>
    </message>
    <message>
        <source>Pay the last %1 by card</source>
        <translation>Betaal de laatste %1 met pin</translation>
    </message>
    <message>
        <source>The terminal is busy</source>
        <translation>De betaalautomaat is bezig</translation>
    </message>
    <message>
        <source>Needs the network</source>
        <translation>Heeft het netwerk nodig</translation>
    </message>
    <message>
        <source>No points to spend</source>
        <translation>Geen punten om te besteden</translation>
    </message>
    <message>
        <source>Start the payment first.</source>
        <translation>Start eerst de betaling.</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer before adding another one.</source>
        <translation>Wacht tot de lopende betaling een antwoord heeft voordat u er een toevoegt.</translation>
    </message>
    <message>
        <source>Enter an amount of more than zero.</source>
        <translation>Voer een bedrag van meer dan nul in.</translation>
    </message>
    <message>
        <source>%1 is more than the %2 still to pay.</source>
        <translation>%1 is meer dan de %2 die nog betaald moet worden.</translation>
    </message>
    <message>
        <source>Cash is paid in steps of 5 cents in this store.</source>
        <translation>Contant wordt in deze winkel in stappen van 5 cent betaald.</translation>
    </message>
    <message>
        <source>%1 cannot be paid in cash here; pay it by card.</source>
        <translation>%1 kan hier niet contant betaald worden; betaal het met pin.</translation>
    </message>
    <message>
        <source>Nothing is left to pay.</source>
        <translation>Er hoeft niets meer betaald te worden.</translation>
    </message>
    <message>
        <source>%1 is not enough: %2 is due.</source>
        <translation>%1 is niet genoeg: er moet %2 betaald worden.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Wisselgeld %1</translation>
    </message>
    <message>
        <source>No payment terminal is connected to this tablet.</source>
        <translation>Er is geen betaalautomaat met deze tablet verbonden.</translation>
    </message>
    <message>
        <source>The terminal is still busy. Wait a moment and try again.</source>
        <translation>De betaalautomaat is nog bezig. Wacht even en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The card was declined. Ask for another card or another way to pay.</source>
        <translation>De kaart is geweigerd. Vraag om een andere kaart of een andere betaalwijze.</translation>
    </message>
    <message>
        <source>The card payment was cancelled on the terminal.</source>
        <translation>De pinbetaling is op de betaalautomaat geannuleerd.</translation>
    </message>
    <message>
        <source>The terminal was busy and did not start the payment. Try again in a moment.</source>
        <translation>De betaalautomaat was bezig en is de betaling niet gestart. Probeer het zo opnieuw.</translation>
    </message>
    <message>
        <source>The terminal never started this payment; nothing was charged. You can try again.</source>
        <translation>De betaalautomaat is deze betaling nooit gestart; er is niets afgeschreven. U kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>Checking with the terminal whether this payment went through…</source>
        <translation>We vragen de betaalautomaat of deze betaling gelukt is…</translation>
    </message>
    <message>
        <source>Not known yet whether this card payment went through. Check again when the terminal answers; do not charge the card again.</source>
        <translation>Nog niet bekend of deze pinbetaling gelukt is. Controleer opnieuw als de betaalautomaat antwoordt; schrijf de kaart niet nog eens af.</translation>
    </message>
    <message>
        <source>Given back to the card</source>
        <translation>Teruggeboekt op de kaart</translation>
    </message>
    <message>
        <source>The terminal did not confirm giving this back yet; it is tried again.</source>
        <translation>De betaalautomaat heeft het terugboeken nog niet bevestigd; het wordt opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>The terminal refused to give this back. Ask a supervisor.</source>
        <translation>De betaalautomaat weigerde dit terug te boeken. Vraag een leidinggevende.</translation>
    </message>
    <message>
        <source>Gift cards and store credit need a connection to the server. Choose another way to pay.</source>
        <translation>Cadeaukaarten en tegoed hebben een verbinding met de server nodig. Kies een andere betaalwijze.</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>nog %1</translation>
    </message>
    <message>
        <source>The server gave this amount back; nothing was taken.</source>
        <translation>De server heeft dit bedrag teruggegeven; er is niets afgeschreven.</translation>
    </message>
    <message>
        <source>The server never took this amount. You can try again.</source>
        <translation>De server heeft dit bedrag nooit afgeschreven. U kunt het opnieuw proberen.</translation>
    </message>
    <message>
        <source>Not known yet whether the server took this amount. Check again when the tablet is online.</source>
        <translation>Nog niet bekend of de server dit bedrag heeft afgeschreven. Controleer opnieuw als de tablet online is.</translation>
    </message>
    <message>
        <source>Attach the customer to use their store credit.</source>
        <translation>Koppel de klant om het tegoed te gebruiken.</translation>
    </message>
    <message>
        <source>This customer has no store credit yet.</source>
        <translation>Deze klant heeft nog geen tegoed.</translation>
    </message>
    <message>
        <source>Attach the customer to redeem their points.</source>
        <translation>Koppel de klant om punten in te wisselen.</translation>
    </message>
    <message>
        <source>Enter a number of points.</source>
        <translation>Voer een aantal punten in.</translation>
    </message>
    <message>
        <source>The customer has %1 points to spend.</source>
        <translation>De klant heeft %1 punten te besteden.</translation>
    </message>
    <message>
        <source>%1 points left</source>
        <translation>nog %1 punten</translation>
    </message>
    <message>
        <source>No payment is open.</source>
        <translation>Er staat geen betaling open.</translation>
    </message>
    <message>
        <source>Wait until the running payment has an answer before cancelling.</source>
        <translation>Wacht tot de lopende betaling een antwoord heeft voordat u annuleert.</translation>
    </message>
    <message>
        <source>Give back %1 in cash</source>
        <translation>Geef %1 contant terug</translation>
    </message>
    <message>
        <source>The points were given back</source>
        <translation>De punten zijn teruggegeven</translation>
    </message>
    <message>
        <source>Being given back…</source>
        <translation>Wordt teruggegeven…</translation>
    </message>
    <message>
        <source>Will be given back to the card when the terminal is connected.</source>
        <translation>Wordt op de kaart teruggeboekt zodra de betaalautomaat verbonden is.</translation>
    </message>
    <message>
        <source>Will be given back when the tablet is online.</source>
        <translation>Wordt teruggegeven zodra de tablet online is.</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Teruggegeven</translation>
    </message>
    <message>
        <source>No card terminal connected</source>
        <translation>Geen betaalautomaat verbonden</translation>
    </message>
    <message>
        <source>Attach a customer first</source>
        <translation>Koppel eerst een klant</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Ruiltegoed</translation>
    </message>
    <message>
        <source>Value of the returned goods</source>
        <translation>Waarde van de geretourneerde artikelen</translation>
    </message>
    <message>
        <source>The exchange was given up</source>
        <translation>De ruil is afgebroken</translation>
    </message>
    <message>
        <source>Not in training mode</source>
        <translation>Niet in oefenmodus</translation>
    </message>
    <message>
        <source>Training: no card was charged</source>
        <translation>Oefenmodus: er is geen kaart belast</translation>
    </message>
    <message>
        <source>Training: nothing to give back</source>
        <translation>Oefenmodus: niets terug te geven</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::PickupService</name>
    <message>
        <source>Check the customer first: type their pickup code, or check their ID.</source>
        <translation>Controleer eerst de klant: typ de afhaalcode, of controleer het identiteitsbewijs.</translation>
    </message>
    <message>
        <source>Finish or cancel the payment in progress first: this reservation is paid at pickup.</source>
        <translation>Rond eerst de lopende betaling af of annuleer hem: deze reservering wordt bij het afhalen betaald.</translation>
    </message>
    <message numerus="yes">
        <source>This order can be marked not collected from %1 (after %n day(s) waiting).</source>
        <translation>
            <numerusform>Deze bestelling kan vanaf %1 als niet opgehaald worden gemarkeerd (na %n dag wachten).</numerusform>
            <numerusform>Deze bestelling kan vanaf %1 als niet opgehaald worden gemarkeerd (na %n dagen wachten).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ProductService</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min geleden</numerusform>
            <numerusform>%n min geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReceiptService</name>
    <message>
        <source>&quot;%1&quot; is not an e-mail address we can send the receipt to. Check it with the customer.</source>
        <translation>&quot;%1&quot; is geen e-mailadres waar we de bon naartoe kunnen sturen. Controleer het met de klant.</translation>
    </message>
    <message>
        <source>There is no finished sale to send a receipt for.</source>
        <translation>Er is geen afgeronde verkoop om een bon voor te sturen.</translation>
    </message>
    <message>
        <source>The receipt is too long to send by e-mail.</source>
        <translation>De bon is te lang om per e-mail te sturen.</translation>
    </message>
    <message>
        <source>The receipt could not be queued for e-mail.</source>
        <translation>De bon kon niet klaargezet worden voor e-mail.</translation>
    </message>
    <message>
        <source>There is no finished return to send a receipt for.</source>
        <translation>Er is geen afgeronde retour om een bon voor te sturen.</translation>
    </message>
    <message>
        <source>No receipt printer is connected to this tablet.</source>
        <translation>Er is geen bonprinter aangesloten op deze tablet.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReservationService</name>
    <message>
        <source>This store is not known on this tablet. Sync and try again.</source>
        <translation>Deze winkel is op deze tablet niet bekend. Synchroniseer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Type the customer&apos;s name, or attach the customer first.</source>
        <translation>Typ de naam van de klant, of koppel eerst de klant.</translation>
    </message>
    <message>
        <source>Type the customer&apos;s phone number so the store can call them.</source>
        <translation>Typ het telefoonnummer van de klant, zodat de winkel kan bellen.</translation>
    </message>
    <message>
        <source>Reserving needs the network. Try again when the tablet is online, or call the store.</source>
        <translation>Reserveren kan alleen online. Probeer het opnieuw als de tablet online is, of bel de winkel.</translation>
    </message>
    <message>
        <source>Not enough left to reserve there.</source>
        <translation>Daar is niet genoeg meer om te reserveren.</translation>
    </message>
    <message>
        <source>Reserve between 1 and %1 pieces.</source>
        <translation>Reserveer 1 tot %1 stuks.</translation>
    </message>
    <message>
        <source>Your role does not allow reserving.</source>
        <translation>Uw rol staat reserveren niet toe.</translation>
    </message>
    <message>
        <source>The server did not take the reservation. Try again, or call the store.</source>
        <translation>De server nam de reservering niet aan. Probeer het opnieuw, of bel de winkel.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ReturnService</name>
    <message>
        <source>A refund is running. Finish it before starting another return.</source>
        <translation>Er loopt een terugbetaling. Rond die af voordat u een nieuwe retour start.</translation>
    </message>
    <message>
        <source>This is not a receipt or order number. Scan the QR code on the receipt or type its number.</source>
        <translation>Dit is geen bon- of bestelnummer. Scan de QR-code op de bon of typ het nummer.</translation>
    </message>
    <message>
        <source>This is a return receipt. A refund cannot be returned.</source>
        <translation>Dit is een retourbon. Een terugbetaling kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>A gift card cannot be returned.</source>
        <translation>Een cadeaukaart kan niet worden geretourneerd.</translation>
    </message>
    <message>
        <source>Already returned.</source>
        <translation>Al geretourneerd.</translation>
    </message>
    <message>
        <source>Products can be added only to a return without receipt.</source>
        <translation>Producten kunnen alleen aan een retour zonder bon worden toegevoegd.</translation>
    </message>
    <message>
        <source>Choose at least one item.</source>
        <translation>Kies minstens één artikel.</translation>
    </message>
    <message>
        <source>This line is not on the receipt.</source>
        <translation>Deze regel staat niet op de bon.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n of %1 can still be returned.</source>
        <translation>
            <numerusform>Nog maar %n van %1 kan retour.</numerusform>
            <numerusform>Nog maar %n van %1 kunnen retour.</numerusform>
        </translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>Zoek eerst de bon op.</translation>
    </message>
    <message>
        <source>%1 is not possible for this return.</source>
        <translation>%1 is niet mogelijk voor deze retour.</translation>
    </message>
    <message>
        <source>Store credit needs the customer of the receipt.</source>
        <translation>Winkeltegoed vraagt om de klant van de bon.</translation>
    </message>
    <message>
        <source>Scan or type the gift card to load the refund onto.</source>
        <translation>Scan of typ de cadeaukaart waarop de terugbetaling komt.</translation>
    </message>
    <message>
        <source>This return needs no approval.</source>
        <translation>Deze retour heeft geen goedkeuring nodig.</translation>
    </message>
    <message>
        <source>This approval cannot be accepted: ask a manager.</source>
        <translation>Deze goedkeuring kan niet worden geaccepteerd: vraag een manager.</translation>
    </message>
    <message>
        <source>A return without receipt needs a manager.</source>
        <translation>Een retour zonder bon vraagt om een manager.</translation>
    </message>
    <message>
        <source>%1 was due back by %2.</source>
        <translation>%1 had uiterlijk %2 terug moeten zijn.</translation>
    </message>
    <message>
        <source>%1 is a final-sale item.</source>
        <translation>%1 is uitverkoop zonder retourrecht.</translation>
    </message>
    <message>
        <source>Choose at least one item to return.</source>
        <translation>Kies minstens één artikel om te retourneren.</translation>
    </message>
    <message>
        <source>This return needs a manager&apos;s approval.</source>
        <translation>Deze retour vraagt om goedkeuring van een manager.</translation>
    </message>
    <message>
        <source>Store credit needs a customer: scan the customer&apos;s card first.</source>
        <translation>Winkeltegoed vraagt om een klant: scan eerst de klantenkaart.</translation>
    </message>
    <message>
        <source>No payment terminal is connected: the card refund cannot run.</source>
        <translation>Er is geen betaalterminal aangesloten: de terugbetaling op de kaart kan niet.</translation>
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
        <translation>Iemand anders heeft een deel van deze artikelen al geretourneerd. Nu nog retour — %1.</translation>
    </message>
    <message>
        <source>Connect the payment terminal to refund the card.</source>
        <translation>Sluit de betaalterminal aan om op de kaart terug te betalen.</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Volg de instructies op de betaalautomaat</translation>
    </message>
    <message>
        <source>Give %1 in cash</source>
        <translation>Geef %1 contant terug</translation>
    </message>
    <message>
        <source>Recorded with the return</source>
        <translation>Vastgelegd bij de retour</translation>
    </message>
    <message>
        <source>Refunded to the card</source>
        <translation>Terugbetaald op de kaart</translation>
    </message>
    <message>
        <source>The terminal is busy — check again in a moment.</source>
        <translation>De terminal is bezig — controleer het zo opnieuw.</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>Geen antwoord van de betaalautomaat — we controleren wat er gebeurd is…</translation>
    </message>
    <message>
        <source>Not known yet whether the card was refunded. Check again when the terminal answers; do not refund again.</source>
        <translation>Nog niet bekend of er op de kaart is terugbetaald. Controleer opnieuw als de terminal antwoordt; betaal niet nog eens terug.</translation>
    </message>
    <message>
        <source>The sale in progress already has an exchange credit.</source>
        <translation>De lopende verkoop heeft al een ruiltegoed.</translation>
    </message>
    <message>
        <source>Choose how to give back what the new sale does not use.</source>
        <translation>Kies hoe u teruggeeft wat de nieuwe aankoop niet gebruikt.</translation>
    </message>
    <message>
        <source>Add the new items to the sale and take the payment.</source>
        <translation>Voeg de nieuwe artikelen toe aan de verkoop en reken af.</translation>
    </message>
    <message>
        <source>The exchange&apos;s return is no longer open.</source>
        <translation>De retour van deze ruil is niet meer open.</translation>
    </message>
    <message>
        <source>A card refund is running or done: the return cannot be abandoned now.</source>
        <translation>Er loopt of is een terugbetaling op de kaart: de retour kan nu niet worden afgebroken.</translation>
    </message>
    <message>
        <source>The new sale&apos;s payment is open: cancel the payment first.</source>
        <translation>De betaling van de nieuwe aankoop is open: annuleer eerst de betaling.</translation>
    </message>
    <message>
        <source>This gift card is blocked. Use another card.</source>
        <translation>Deze cadeaukaart is geblokkeerd. Gebruik een andere kaart.</translation>
    </message>
    <message>
        <source>Scan or type the number of the gift card the refund goes onto.</source>
        <translation>Scan of typ het nummer van de cadeaukaart waarop de terugbetaling komt.</translation>
    </message>
    <message>
        <source>A web order is refunded to the way it was paid only. Retry the card refund, or cancel the return.</source>
        <translation>Een webbestelling wordt alleen terugbetaald op de manier waarop is betaald. Probeer de terugbetaling op de kaart opnieuw, of annuleer de retour.</translation>
    </message>
    <message>
        <source>This amount can go back to the card only. Retry the card refund, or cancel the return.</source>
        <translation>Dit bedrag kan alleen terug op de kaart. Probeer de terugbetaling op de kaart opnieuw, of annuleer de retour.</translation>
    </message>
    <message>
        <source>The terminal refused the card refund. Nothing was refunded to the card.</source>
        <translation>De terminal heeft de terugbetaling op de kaart geweigerd. Er is niets op de kaart terugbetaald.</translation>
    </message>
    <message>
        <source>Only a refund part that failed can be given back another way.</source>
        <translation>Alleen een mislukt deel van de terugbetaling kan op een andere manier terug.</translation>
    </message>
    <message>
        <source>%1 is not possible for this amount: %2</source>
        <translation>%1 is niet mogelijk voor dit bedrag: %2</translation>
    </message>
    <message>
        <source>Only a card refund that failed can be tried again.</source>
        <translation>Alleen een mislukte terugbetaling op de kaart kan opnieuw worden geprobeerd.</translation>
    </message>
    <message>
        <source>The terminal is still being asked. Wait for its answer.</source>
        <translation>De terminal wordt nog gevraagd. Wacht op het antwoord.</translation>
    </message>
    <message>
        <source>Cash was already given back: finish the return (retry the card or refund that part another way).</source>
        <translation>Er is al contant teruggegeven: rond de retour af (probeer de kaart opnieuw of betaal dat deel op een andere manier terug).</translation>
    </message>
    <message>
        <source>Training: nothing was refunded to the card</source>
        <translation>Oefenmodus: er is niets op de kaart teruggestort</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::SaleService</name>
    <message>
        <source>This product has no valid VAT class; it cannot be sold.</source>
        <translation>Dit product heeft geen geldige btw-klasse; het kan niet verkocht worden.</translation>
    </message>
    <message>
        <source>A quantity must be between 0 and 9999.</source>
        <translation>Een aantal moet tussen 0 en 9999 liggen.</translation>
    </message>
    <message>
        <source>Customers cannot be looked up on this tablet.</source>
        <translation>Op deze tablet kunnen geen klanten worden opgezocht.</translation>
    </message>
    <message>
        <source>This coupon is already on the sale.</source>
        <translation>Deze kortingscode staat al op de verkoop.</translation>
    </message>
    <message>
        <source>The coupon code %1 is not known.</source>
        <translation>De kortingscode %1 is onbekend.</translation>
    </message>
    <message>
        <source>The coupon %1 is not valid in this store.</source>
        <translation>De kortingscode %1 is in deze winkel niet geldig.</translation>
    </message>
    <message>
        <source>The coupon %1 is not valid today.</source>
        <translation>De kortingscode %1 is vandaag niet geldig.</translation>
    </message>
    <message>
        <source>The coupon %1 is personal: attach its customer first.</source>
        <translation>De kortingscode %1 is persoonlijk: koppel eerst de klant.</translation>
    </message>
    <message>
        <source>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</source>
        <translation>De kortingscode %1 is eenmalig en heeft een verbinding met de server nodig. Probeer het opnieuw als de tablet online is.</translation>
    </message>
    <message>
        <source>The coupon code %1 is not on this sale.</source>
        <translation>De kortingscode %1 staat niet op deze verkoop.</translation>
    </message>
    <message>
        <source>Enter either an amount or a percentage for the discount.</source>
        <translation>Vul voor de korting een bedrag of een percentage in, niet allebei.</translation>
    </message>
    <message>
        <source>The discount is larger than what is left of the line (%1).</source>
        <translation>De korting is groter dan wat er van de regel over is (%1).</translation>
    </message>
    <message>
        <source>Manual discount %1 on %2</source>
        <translation>Handmatige korting %1 op %2</translation>
    </message>
    <message>
        <source>Enter a new price that differs from %1.</source>
        <translation>Vul een nieuwe prijs in die verschilt van %1.</translation>
    </message>
    <message>
        <source>Price of %1 from %2 to %3</source>
        <translation>Prijs van %1 van %2 naar %3</translation>
    </message>
    <message>
        <source>The basket is empty.</source>
        <translation>Het mandje is leeg.</translation>
    </message>
    <message>
        <source>Finish or park the current sale before resuming another one.</source>
        <translation>Rond de huidige verkoop af of parkeer hem voordat u een andere hervat.</translation>
    </message>
    <message>
        <source>This parked sale was already resumed.</source>
        <translation>Deze geparkeerde verkoop is al hervat.</translation>
    </message>
    <message>
        <source>A sale with a negative total needs a refund.</source>
        <translation>Een verkoop met een negatief totaal vraagt om een terugbetaling.</translation>
    </message>
    <message>
        <source>%1 is not enough: %2 is due.</source>
        <translation>%1 is niet genoeg: er moet %2 betaald worden.</translation>
    </message>
    <message>
        <source>The sale is being paid. Cancel the payment first to change it.</source>
        <translation>De verkoop wordt afgerekend. Annuleer eerst de betaling om hem te wijzigen.</translation>
    </message>
    <message>
        <source>A gift card is one line per card. Add another card instead.</source>
        <translation>Een cadeaukaart is één regel per kaart. Voeg in plaats daarvan een andere kaart toe.</translation>
    </message>
    <message>
        <source>A gift card is sold at its value: no discount or price change.</source>
        <translation>Een cadeaukaart wordt verkocht voor haar waarde: geen korting of prijswijziging.</translation>
    </message>
    <message>
        <source>This gift card is already on the sale.</source>
        <translation>Deze cadeaukaart staat al op de verkoop.</translation>
    </message>
    <message>
        <source>Gift cards cannot be sold here: the catalog has no gift card product.</source>
        <translation>Cadeaukaarten kunnen hier niet verkocht worden: de catalogus heeft geen cadeaukaartproduct.</translation>
    </message>
    <message>
        <source>Gift card …%1</source>
        <translation>Cadeaukaart …%1</translation>
    </message>
    <message>
        <source>This sale has an order already. Pay it first, or remove it, before ordering again.</source>
        <translation>Deze verkoop heeft al een bestelling. Reken die eerst af of verwijder hem voordat u opnieuw bestelt.</translation>
    </message>
    <message>
        <source>There is nothing to order.</source>
        <translation>Er is niets om te bestellen.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ServerLookups</name>
    <message>
        <source>The server did not answer in time.</source>
        <translation>De server antwoordde niet op tijd.</translation>
    </message>
    <message>
        <source>The coupon %1 can be used only once and needs a connection to the server. Try again when the tablet is online.</source>
        <translation>De kortingscode %1 is eenmalig en heeft een verbinding met de server nodig. Probeer het opnieuw als de tablet online is.</translation>
    </message>
    <message>
        <source>The coupon %1 has already been used.</source>
        <translation>De kortingscode %1 is al gebruikt.</translation>
    </message>
    <message>
        <source>This tablet is not connected to a server.</source>
        <translation>Deze tablet is niet met een server verbonden.</translation>
    </message>
    <message>
        <source>The server cannot be reached right now.</source>
        <translation>De server is nu niet bereikbaar.</translation>
    </message>
    <message>
        <source>This tablet is not (or no longer) enrolled with the server.</source>
        <translation>Deze tablet is niet (meer) aangemeld bij de server.</translation>
    </message>
    <message>
        <source>This gift card is not known. Check the number and try again.</source>
        <translation>Deze cadeaukaart is onbekend. Controleer het nummer en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This gift card has expired and cannot be used.</source>
        <translation>Deze cadeaukaart is verlopen en kan niet gebruikt worden.</translation>
    </message>
    <message>
        <source>This gift card is blocked and cannot be used.</source>
        <translation>Deze cadeaukaart is geblokkeerd en kan niet gebruikt worden.</translation>
    </message>
    <message>
        <source>This gift card is empty.</source>
        <translation>Deze cadeaukaart is leeg.</translation>
    </message>
    <message>
        <source>Only %1 left on this gift card.</source>
        <translation>Er staat nog maar %1 op deze cadeaukaart.</translation>
    </message>
    <message>
        <source>This customer has no store credit.</source>
        <translation>Deze klant heeft geen tegoed.</translation>
    </message>
    <message>
        <source>Only %1 of store credit left.</source>
        <translation>Nog maar %1 tegoed over.</translation>
    </message>
    <message>
        <source>A completed sale used this payment; it cannot be given back.</source>
        <translation>Een afgeronde verkoop heeft deze betaling gebruikt; hij kan niet teruggegeven worden.</translation>
    </message>
    <message>
        <source>The server has no record of this payment; nothing was taken.</source>
        <translation>De server kent deze betaling niet; er is niets afgeschreven.</translation>
    </message>
    <message>
        <source>This payment was already made for another card or amount.</source>
        <translation>Deze betaling is al gedaan voor een andere kaart of een ander bedrag.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Het bedrag moet meer dan nul zijn.</translation>
    </message>
    <message>
        <source>The server refused this payment (%1).</source>
        <translation>De server weigerde deze betaling (%1).</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>geen reden</translation>
    </message>
    <message>
        <source>The whole store&apos;s day needs a connection to the server. This tablet&apos;s own figures are shown instead.</source>
        <translation>Voor de dag van de hele winkel is een verbinding met de server nodig. De cijfers van deze tablet worden getoond.</translation>
    </message>
    <message>
        <source>This tablet may only see the figures of its own store.</source>
        <translation>Deze tablet mag alleen de cijfers van de eigen winkel zien.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can see the manager&apos;s day.</source>
        <translation>Alleen een supervisor of manager kan de dag van de manager zien.</translation>
    </message>
    <message>
        <source>The server could not make the day&apos;s report.</source>
        <translation>De server kon het dagrapport niet maken.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ServerOrders</name>
    <message>
        <source>Ordering needs the network. Try again when the tablet is online.</source>
        <translation>Bestellen kan alleen online. Probeer het opnieuw als de tablet online is.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::Session</name>
    <message>
        <source>%1 does not work in this store.</source>
        <translation>%1 werkt niet in deze winkel.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Log eerst in.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can change this setting.</source>
        <translation>Alleen een supervisor of manager kan deze instelling wijzigen.</translation>
    </message>
    <message>
        <source>The lock time cannot be negative.</source>
        <translation>De vergrendeltijd kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kassamedewerker</translation>
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
        <translation>Deze taal is niet beschikbaar.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can send rejected events again.</source>
        <translation>Alleen een supervisor of manager kan afgewezen gebeurtenissen opnieuw versturen.</translation>
    </message>
    <message>
        <source>Your role does not allow enrolling customers or changing their consent.</source>
        <translation>Uw rol staat het inschrijven van klanten of het wijzigen van hun toestemming niet toe.</translation>
    </message>
    <message>
        <source>Your role does not allow manual discounts.</source>
        <translation>Uw rol staat geen handmatige kortingen toe.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>Hiervoor is goedkeuring van een manager nodig.</translation>
    </message>
    <message>
        <source>Your role does not allow selling.</source>
        <translation>Uw rol staat verkopen niet toe.</translation>
    </message>
    <message>
        <source>Your role does not allow returns.</source>
        <translation>Uw rol staat geen retouren toe.</translation>
    </message>
    <message>
        <source>Your role does not allow opening or closing a shift.</source>
        <translation>Uw rol staat het openen of sluiten van een dienst niet toe.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can put cash in or take it out.</source>
        <translation>Alleen een supervisor of manager kan geld in de lade doen of eruit halen.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can switch training mode.</source>
        <translation>Alleen een supervisor of manager kan de oefenmodus aan- of uitzetten.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can see the manager&apos;s day.</source>
        <translation>Alleen een supervisor of manager kan de dag van de manager zien.</translation>
    </message>
    <message>
        <source>This staff member does not work in this store.</source>
        <translation>Deze medewerker werkt niet in deze winkel.</translation>
    </message>
    <message>
        <source>Your role does not allow handing over pickups.</source>
        <translation>Uw rol staat het meegeven van afhaalbestellingen niet toe.</translation>
    </message>
    <message>
        <source>Only a supervisor or manager can mark an order as not collected.</source>
        <translation>Alleen een supervisor of manager kan een bestelling als niet opgehaald markeren.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::ShiftService</name>
    <message>
        <source>Open a shift first: count the float on the Shift screen.</source>
        <translation>Open eerst een dienst: tel het wisselgeld op het scherm Dienst.</translation>
    </message>
    <message>
        <source>Not in training mode: switch training off to work with the real drawer.</source>
        <translation>Niet in oefenmodus: zet de oefenmodus uit om met de echte lade te werken.</translation>
    </message>
    <message>
        <source>No shift is open on this drawer. Open a shift on the Shift screen first.</source>
        <translation>Er is geen dienst open op deze lade. Open eerst een dienst op het scherm Dienst.</translation>
    </message>
    <message>
        <source>Opening the drawer without a sale needs a manager&apos;s approval.</source>
        <translation>De lade openen zonder verkoop vraagt goedkeuring van een manager.</translation>
    </message>
    <message>
        <source>Please log in first.</source>
        <translation>Log eerst in.</translation>
    </message>
    <message>
        <source>This approval is for something else. Ask the manager to approve opening the drawer.</source>
        <translation>Deze goedkeuring is voor iets anders. Vraag de manager het openen van de lade goed te keuren.</translation>
    </message>
    <message>
        <source>A sale is still open. Finish or clear it before closing the shift.</source>
        <translation>Er staat nog een verkoop open. Rond die af of wis hem voordat u de dienst sluit.</translation>
    </message>
    <message>
        <source>There is no Z report %1 for this drawer.</source>
        <translation>Er is geen Z-rapport %1 voor deze lade.</translation>
    </message>
    <message>
        <source>No receipt printer is connected: the report cannot be printed.</source>
        <translation>Er is geen bonprinter aangesloten: het rapport kan niet worden afgedrukt.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Services::SyncStatus</name>
    <message>
        <source>Not connected to the server yet.</source>
        <translation>Nog niet verbonden met de server.</translation>
    </message>
    <message numerus="yes">
        <source>about %n min left</source>
        <translation>
            <numerusform>nog ongeveer %n min</numerusform>
            <numerusform>nog ongeveer %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>nog ongeveer %1 s</translation>
    </message>
    <message>
        <source>Catalog download %1 of %2 MB</source>
        <translation>Assortiment downloaden: %1 van %2 MB</translation>
    </message>
    <message>
        <source>Catalog download is being checked</source>
        <translation>Download van het assortiment wordt gecontroleerd</translation>
    </message>
    <message>
        <source>Catalog %1 of %2 rows</source>
        <translation>Assortiment %1 van %2 rijen</translation>
    </message>
    <message>
        <source>Catalog is being switched over</source>
        <translation>Assortiment wordt omgezet</translation>
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
        <translation>Goud</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Zilver</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <translation>Ruiltegoed</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CashCountPanel</name>
    <message>
        <source>Notes</source>
        <translation>Biljetten</translation>
    </message>
    <message>
        <source>Coins</source>
        <translation>Munten</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CashMoveSheet</name>
    <message>
        <source>Change from the safe</source>
        <translation>Wisselgeld uit de kluis</translation>
    </message>
    <message>
        <source>Float top-up</source>
        <translation>Wisselgeld aanvullen</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Anders…</translation>
    </message>
    <message>
        <source>To the safe</source>
        <translation>Naar de kluis</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>Storting bij de bank</translation>
    </message>
    <message>
        <source>Small expense</source>
        <translation>Kleine uitgave</translation>
    </message>
    <message>
        <source>Change for a customer</source>
        <translation>Wisselgeld voor een klant</translation>
    </message>
    <message>
        <source>Check the drawer</source>
        <translation>Lade controleren</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>Vraag een manager</translation>
    </message>
    <message>
        <source>Put in</source>
        <translation>In de lade</translation>
    </message>
    <message>
        <source>Put in %1</source>
        <translation>%1 in de lade</translation>
    </message>
    <message>
        <source>Take out</source>
        <translation>Uit de lade</translation>
    </message>
    <message>
        <source>Take out %1</source>
        <translation>%1 uit de lade</translation>
    </message>
    <message>
        <source>Enter the amount put in.</source>
        <translation>Voer het bedrag in dat in de lade gaat.</translation>
    </message>
    <message>
        <source>Enter the amount taken out.</source>
        <translation>Voer het bedrag in dat uit de lade gaat.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Kies een reden.</translation>
    </message>
    <message>
        <source>Type the reason.</source>
        <translation>Typ de reden.</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Geld in lade</translation>
    </message>
    <message>
        <source>Money put into the drawer. Count it, enter the amount and say why.</source>
        <translation>Geld in de lade. Tel het, voer het bedrag in en zeg waarom.</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Geld uit lade</translation>
    </message>
    <message>
        <source>Money taken out of the drawer. The drawer should hold %1 now.</source>
        <translation>Geld uit de lade. De lade hoort nu %1 te bevatten.</translation>
    </message>
    <message>
        <source>No sale: open the drawer</source>
        <translation>Geen verkoop: lade openen</translation>
    </message>
    <message>
        <source>The drawer opens without a sale only with a manager&apos;s approval. Say why; a manager approves with their PIN.</source>
        <translation>De lade gaat zonder verkoop alleen open met goedkeuring van een manager. Zeg waarom; een manager keurt goed met de pincode.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation>Typ de reden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ChoiceSheet</name>
    <message>
        <source>Go back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ConfirmSheet</name>
    <message>
        <source>Go back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CouponSheet</name>
    <message>
        <source>Type the code printed on the coupon.</source>
        <translation>Typ de code die op de bon staat.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Kortingscode</translation>
    </message>
    <message>
        <source>Type the code on the coupon, or scan its barcode.</source>
        <translation>Typ de code op de bon of scan de streepjescode.</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>Kortingscode</translation>
    </message>
    <message>
        <source>On this sale</source>
        <translation>Op deze verkoop</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Add coupon</source>
        <translation>Kortingscode toevoegen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CustomerFormSheet</name>
    <message>
        <source>New customer</source>
        <translation>Nieuwe klant</translation>
    </message>
    <message>
        <source>Consent of %1</source>
        <translation>Toestemming van %1</translation>
    </message>
    <message>
        <source>Ask the customer for each choice. Leave a box empty unless they say yes.</source>
        <translation>Vraag de klant naar elke keuze. Laat een vakje leeg tenzij de klant ja zegt.</translation>
    </message>
    <message>
        <source>Change only what the customer asks for. The change is kept with the date and your name.</source>
        <translation>Wijzig alleen wat de klant vraagt. De wijziging wordt bewaard met de datum en uw naam.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobiel nummer</translation>
    </message>
    <message>
        <source>Card number (scan a new card, or leave empty)</source>
        <translation>Kaartnummer (scan een nieuwe kaart of laat leeg)</translation>
    </message>
    <message>
        <source>The customer agrees to</source>
        <translation>De klant gaat akkoord met</translation>
    </message>
    <message>
        <source>News and offers by e-mail</source>
        <translation>Nieuws en aanbiedingen per e-mail</translation>
    </message>
    <message>
        <source>Offers by text message (SMS)</source>
        <translation>Aanbiedingen per sms</translation>
    </message>
    <message>
        <source>Personal offers based on purchases</source>
        <translation>Persoonlijke aanbiedingen op basis van aankopen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Inschrijven</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>Toestemming opslaan</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::CustomerScreen</name>
    <message>
        <source>Customer enrolled. Card number %1.</source>
        <translation>Klant ingeschreven. Kaartnummer %1.</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Toestemming opgeslagen.</translation>
    </message>
    <message>
        <source>Scan the card, or type a phone number, e-mail address or name.</source>
        <translation>Scan de kaart, of typ een telefoonnummer, e-mailadres of naam.</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 punten</translation>
    </message>
    <message>
        <source>Found online (home store %1)</source>
        <translation>Online gevonden (thuiswinkel %1)</translation>
    </message>
    <message>
        <source>Detach from sale</source>
        <translation>Loskoppelen van verkoop</translation>
    </message>
    <message>
        <source>Attach to sale</source>
        <translation>Aan verkoop koppelen</translation>
    </message>
    <message>
        <source>%1 member</source>
        <translation>%1-lid</translation>
    </message>
    <message>
        <source>card %1</source>
        <translation>kaart %1</translation>
    </message>
    <message>
        <source>All confirmed.</source>
        <translation>Alles bevestigd.</translation>
    </message>
    <message>
        <source>%1 confirmed + %2 pending</source>
        <translation>%1 bevestigd + %2 in afwachting</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>tot %1</translation>
    </message>
    <message>
        <source>Personal offers</source>
        <translation>Persoonlijke aanbiedingen</translation>
    </message>
    <message>
        <source>No personal offers now.</source>
        <translation>Nu geen persoonlijke aanbiedingen.</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>in afwachting</translation>
    </message>
    <message>
        <source>Points history</source>
        <translation>Puntenhistorie</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>Nog geen punten.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Last seen in a store or the web shop: %1</source>
        <translation>Laatst gezien in een winkel of de webwinkel: %1</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Aankopen</translation>
    </message>
    <message>
        <source>No purchases on this tablet yet.</source>
        <translation>Nog geen aankopen op deze tablet.</translation>
    </message>
    <message>
        <source>%1 (no longer sold)</source>
        <translation>%1 (niet meer verkocht)</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>Verlanglijstje</translation>
    </message>
    <message>
        <source>The wish list is empty.</source>
        <translation>Het verlanglijstje is leeg.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>E-mail: %1 · SMS: %2 · Personal offers: %3</source>
        <translation>E-mail: %1 · sms: %2 · persoonlijke aanbiedingen: %3</translation>
    </message>
    <message>
        <source>enrolment</source>
        <translation>inschrijving</translation>
    </message>
    <message>
        <source>from the server</source>
        <translation>van de server</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>gewijzigd</translation>
    </message>
    <message>
        <source>e-mail %1, SMS %2, personal %3</source>
        <translation>e-mail %1, sms %2, persoonlijk %3</translation>
    </message>
    <message>
        <source>No changes recorded on this tablet.</source>
        <translation>Geen wijzigingen vastgelegd op deze tablet.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
    <message>
        <source>Customer detached from the sale.</source>
        <translation>Klant losgekoppeld van de verkoop.</translation>
    </message>
    <message>
        <source>Find a customer</source>
        <translation>Klant zoeken</translation>
    </message>
    <message>
        <source>Scan the loyalty card or the app&apos;s QR code, or type a phone number, e-mail address or name.</source>
        <translation>Scan de klantenkaart of de QR-code in de app, of typ een telefoonnummer, e-mailadres of naam.</translation>
    </message>
    <message>
        <source>Phone, e-mail, name or card number</source>
        <translation>Telefoon, e-mail, naam of kaartnummer</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>Nieuwe klant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Find a customer or enrol a new one. Their profile appears here.</source>
        <translation>Zoek een klant of schrijf een nieuwe in. Het profiel verschijnt hier.</translation>
    </message>
    <message>
        <source>Edit consent</source>
        <translation>Toestemming wijzigen</translation>
    </message>
    <message>
        <source>Card handed out: %1.</source>
        <translation>Uitgegeven kaart: %1.</translation>
    </message>
    <message>
        <source>store</source>
        <translation>winkel</translation>
    </message>
    <message>
        <source>Offline: showing this tablet&apos;s purchases only.</source>
        <translation>Offline: alleen de aankopen op deze tablet.</translation>
    </message>
    <message>
        <source>No purchases yet.</source>
        <translation>Nog geen aankopen.</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Webbestelling</translation>
    </message>
    <message>
        <source>Return…</source>
        <translation>Retour…</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Retour %1</translation>
    </message>
    <message>
        <source>Offline: only this tablet&apos;s own sales can be returned now.</source>
        <translation>Offline: alleen verkopen van deze tablet kunnen nu retour.</translation>
    </message>
    <message>
        <source>%1 was not sold on this tablet: returning it needs the network. Try again once the tablet is back online.</source>
        <translation>%1 is niet op deze tablet verkocht: retourneren kan alleen met netwerk. Probeer het opnieuw als de tablet weer online is.</translation>
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
        <translation>Vul de nieuwe prijs in.</translation>
    </message>
    <message>
        <source>Enter the discount.</source>
        <translation>Vul de korting in.</translation>
    </message>
    <message>
        <source>A percentage is at most 100 %.</source>
        <translation>Een percentage is hoogstens 100 %.</translation>
    </message>
    <message>
        <source>Choose or type a reason.</source>
        <translation>Kies of typ een reden.</translation>
    </message>
    <message>
        <source>Discount or price</source>
        <translation>Korting of prijs</translation>
    </message>
    <message>
        <source>%1 — now %2</source>
        <translation>%1 — nu %2</translation>
    </message>
    <message>
        <source>Amount €</source>
        <translation>Bedrag €</translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation>Procent %</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Nieuwe prijs</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>Price match</source>
        <translation>Prijsafstemming</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>Klantenservice</translation>
    </message>
    <message>
        <source>Display model</source>
        <translation>Showmodel</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Toepassen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::EmailReceiptSheet</name>
    <message>
        <source>Type the customer&apos;s e-mail address.</source>
        <translation>Typ het e-mailadres van de klant.</translation>
    </message>
    <message>
        <source>E-mail receipts are not available on this tablet.</source>
        <translation>Bonnen mailen kan niet op deze tablet.</translation>
    </message>
    <message>
        <source>E-mail the receipt</source>
        <translation>Bon mailen</translation>
    </message>
    <message>
        <source>Receipt %1 is sent as a PDF to this address.</source>
        <translation>Bon %1 wordt als pdf naar dit adres gestuurd.</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>naam@voorbeeld.nl</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Send receipt</source>
        <translation>Bon versturen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::GiftCardSheet</name>
    <message>
        <source>This gift card is empty.</source>
        <translation>Deze cadeaukaart is leeg.</translation>
    </message>
    <message>
        <source>This gift card expired on %1. It cannot be used.</source>
        <translation>Deze cadeaukaart is verlopen op %1. Hij kan niet gebruikt worden.</translation>
    </message>
    <message>
        <source>This gift card has not been activated. Sell it first, or use another card.</source>
        <translation>Deze cadeaukaart is niet geactiveerd. Verkoop hem eerst, of gebruik een andere kaart.</translation>
    </message>
    <message>
        <source>Gift cards cannot be sold on this tablet.</source>
        <translation>Cadeaukaarten kunnen niet op deze tablet verkocht worden.</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>Saldo: %1</translation>
    </message>
    <message>
        <source>Valid until %1</source>
        <translation>Geldig tot %1</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>Geen einddatum</translation>
    </message>
    <message>
        <source>Check the gift card</source>
        <translation>Controleer de cadeaukaart</translation>
    </message>
    <message>
        <source>The sale needs only %1 more.</source>
        <translation>De verkoop heeft nog maar %1 nodig.</translation>
    </message>
    <message>
        <source>The card holds only %1.</source>
        <translation>Er staat maar %1 op de kaart.</translation>
    </message>
    <message>
        <source>Pay with a gift card</source>
        <translation>Betalen met een cadeaukaart</translation>
    </message>
    <message>
        <source>Sell or top up a gift card</source>
        <translation>Cadeaukaart verkopen of opwaarderen</translation>
    </message>
    <message>
        <source>Scan the gift card or type its number.</source>
        <translation>Scan de cadeaukaart of typ het nummer.</translation>
    </message>
    <message>
        <source>Scan the gift card or type its number, then choose the amount to put on it. A card the customer already has is topped up.</source>
        <translation>Scan de cadeaukaart of typ het nummer en kies dan het bedrag dat erop komt. Een kaart die de klant al heeft wordt opgewaardeerd.</translation>
    </message>
    <message>
        <source>Gift card number</source>
        <translation>Cadeaukaartnummer</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Amount to use</source>
        <translation>Te gebruiken bedrag</translation>
    </message>
    <message>
        <source>Amount to put on the card</source>
        <translation>Bedrag op de kaart</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Gebruik %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 toevoegen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::HourChart</name>
    <message>
        <source>No sales yet today.</source>
        <translation>Vandaag nog geen verkopen.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::LoginScreen</name>
    <message>
        <source>Tap your name first.</source>
        <translation>Tik eerst op uw naam.</translation>
    </message>
    <message>
        <source>Toonbank</source>
        <translation>Toonbank</translation>
    </message>
    <message>
        <source>Locked after a period without use. Tap your name and enter your PIN.</source>
        <translation>Vergrendeld na een tijd zonder gebruik. Tik op uw naam en voer uw pincode in.</translation>
    </message>
    <message>
        <source>Tap your name and enter your PIN.</source>
        <translation>Tik op uw naam en voer uw pincode in.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::MainWindow</name>
    <message>
        <source>Customer attached: %1.</source>
        <translation>Klant gekoppeld: %1.</translation>
    </message>
    <message>
        <source>Coupon %1 added.</source>
        <translation>Kortingscode %1 toegevoegd.</translation>
    </message>
    <message>
        <source>Approved. The change is on the sale.</source>
        <translation>Goedgekeurd. De wijziging staat op de verkoop.</translation>
    </message>
    <message>
        <source>Discount applied.</source>
        <translation>Korting toegepast.</translation>
    </message>
    <message>
        <source>This approval does not cover the change. Ask again.</source>
        <translation>Deze goedkeuring dekt de wijziging niet. Vraag opnieuw.</translation>
    </message>
    <message>
        <source>Cancel the payment?</source>
        <translation>Betaling annuleren?</translation>
    </message>
    <message>
        <source>What was paid is given back to the customer:
%1

The basket stays, so the sale can be paid again.</source>
        <translation>Wat betaald is, krijgt de klant terug:
%1

De mand blijft staan, zodat de verkoop opnieuw betaald kan worden.</translation>
    </message>
    <message>
        <source>Give back and cancel</source>
        <translation>Teruggeven en annuleren</translation>
    </message>
    <message>
        <source>Gift card …%1 with %2 added to the sale.</source>
        <translation>Cadeaukaart …%1 met %2 aan de verkoop toegevoegd.</translation>
    </message>
    <message>
        <source>Exchange: %1 is credited to this sale. Add what the customer takes instead, then Pay for the rest.</source>
        <translation>Ruil: %1 staat als tegoed op deze verkoop. Voeg toe wat de klant ervoor in de plaats neemt en reken de rest af.</translation>
    </message>
    <message>
        <source>The reserved items are in the basket. Take the payment.</source>
        <translation>De gereserveerde artikelen staan in het mandje. Reken af.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ManagerScreen</name>
    <message>
        <source>Discount above the limit</source>
        <translation>Korting boven de grens</translation>
    </message>
    <message>
        <source>Price change</source>
        <translation>Prijswijziging</translation>
    </message>
    <message>
        <source>No sale: drawer opened</source>
        <translation>Geen verkoop: lade geopend</translation>
    </message>
    <message>
        <source>Refund without receipt</source>
        <translation>Terugbetaling zonder bon</translation>
    </message>
    <message>
        <source>Return outside the rules</source>
        <translation>Retour buiten de regels</translation>
    </message>
    <message>
        <source>staff member %1</source>
        <translation>medewerker %1</translation>
    </message>
    <message numerus="yes">
        <source>%1:00–%2:00: %n sale(s), %3</source>
        <translation>
            <numerusform>%1:00–%2:00: %n verkoop, %3</numerusform>
            <numerusform>%1:00–%2:00: %n verkopen, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1:00–%2:00: no sales</source>
        <translation>%1:00–%2:00: geen verkopen</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Terug naar verkopen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>Pdf</translation>
    </message>
    <message>
        <source>Sales per hour (tap a bar)</source>
        <translation>Verkopen per uur (tik op een staaf)</translation>
    </message>
    <message>
        <source>Per payment method</source>
        <translation>Per betaalwijze</translation>
    </message>
    <message>
        <source>Per staff member</source>
        <translation>Per medewerker</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Terugbetalingen</translation>
    </message>
    <message>
        <source>Overrides and no-sales</source>
        <translation>Goedkeuringen en lade zonder verkoop</translation>
    </message>
    <message>
        <source>Open shifts</source>
        <translation>Open diensten</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Dag van de manager</translation>
    </message>
    <message>
        <source>Manager&apos;s day — %1</source>
        <translation>Dag van de manager — %1</translation>
    </message>
    <message>
        <source>Chain-wide: every tablet of this store</source>
        <translation>Hele keten: alle tablets van deze winkel</translation>
    </message>
    <message>
        <source>This tablet only (offline): other tablets&apos; sales are not in these figures</source>
        <translation>Alleen deze tablet (offline): verkopen op andere tablets zitten niet in deze cijfers</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1</source>
        <translation>
            <numerusform>%n verkoop, %1</numerusform>
            <numerusform>%n verkopen, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No payments yet.</source>
        <translation>Nog geen betalingen.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Betaalwijze</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Nobody has sold anything yet.</source>
        <translation>Er is nog niets verkocht.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkopen</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>niet nodig</translation>
    </message>
    <message>
        <source>No refunds today.</source>
        <translation>Vandaag geen terugbetalingen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Goedgekeurd door</translation>
    </message>
    <message>
        <source>No overrides today.</source>
        <translation>Vandaag geen goedkeuringen.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Gevraagd door</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>No sales were cancelled after a payment.</source>
        <translation>Er zijn geen verkopen geannuleerd na een betaling.</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s) cancelled after a payment part (the part was given back at once).</source>
        <translation>
            <numerusform>%n verkoop geannuleerd na een deelbetaling (het deel is meteen teruggegeven).</numerusform>
            <numerusform>%n verkopen geannuleerd na een deelbetaling (het deel is meteen teruggegeven).</numerusform>
        </translation>
    </message>
    <message>
        <source>No shift is open.</source>
        <translation>Er is geen dienst open.</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Lade</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Geopend door</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sinds</translation>
    </message>
    <message>
        <source>This tablet only (offline)</source>
        <translation>Alleen deze tablet (offline)</translation>
    </message>
    <message>
        <source>Sales per hour</source>
        <translation>Verkopen per uur</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Goedgekeurd door %1</translation>
    </message>
    <message>
        <source>Asked by %1, approved by %2</source>
        <translation>Gevraagd door %1, goedgekeurd door %2</translation>
    </message>
    <message>
        <source>Cancelled after payment</source>
        <translation>Geannuleerd na betaling</translation>
    </message>
    <message>
        <source>The day&apos;s figures have been printed.</source>
        <translation>De cijfers van de dag zijn afgedrukt.</translation>
    </message>
    <message>
        <source>The PDF could not be saved in %1. Is the storage full?</source>
        <translation>De pdf kon niet worden opgeslagen in %1. Is de opslag vol?</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Opgeslagen als pdf: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::OrderSheet</name>
    <message>
        <source>Order for home delivery</source>
        <translation>Bestellen voor thuisbezorging</translation>
    </message>
    <message>
        <source>Order for pickup in another store</source>
        <translation>Bestellen om af te halen in een andere winkel</translation>
    </message>
    <message>
        <source>Deliver to home</source>
        <translation>Thuis bezorgen</translation>
    </message>
    <message>
        <source>Pick up in store</source>
        <translation>Afhalen in de winkel</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Store where the customer picks it up</source>
        <translation>Winkel waar de klant het afhaalt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Street and house number</source>
        <translation>Straat en huisnummer</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Customer&apos;s name</source>
        <translation>Naam van de klant</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefoonnummer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Bestelling plaatsen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::OverrideSheet</name>
    <message>
        <source>Nobody in this store may approve this. Call the store manager.</source>
        <translation>Niemand in deze winkel mag dit goedkeuren. Bel de bedrijfsleider.</translation>
    </message>
    <message>
        <source>Tap the name of the manager who approves.</source>
        <translation>Tik op de naam van de manager die goedkeurt.</translation>
    </message>
    <message>
        <source>The manager enters their PIN.</source>
        <translation>De manager voert de pincode in.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Goedkeuring manager</translation>
    </message>
    <message>
        <source>Asked by %1: this discount is above their own limit.</source>
        <translation>Gevraagd door %1: deze korting ligt boven de eigen limiet.</translation>
    </message>
    <message>
        <source>Asked by %1: their role may not change a price.</source>
        <translation>Gevraagd door %1: die rol mag geen prijs wijzigen.</translation>
    </message>
    <message>
        <source>Asked by %1: their role may not do this alone.</source>
        <translation>Gevraagd door %1: die rol mag dit niet alleen.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>Who approves?</source>
        <translation>Wie keurt goed?</translation>
    </message>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>Pincode manager</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Goedkeuren</translation>
    </message>
    <message>
        <source>Asked by %1: the drawer opens without a sale only with a manager&apos;s approval.</source>
        <translation>Gevraagd door %1: de lade gaat zonder verkoop alleen open met goedkeuring van een manager.</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ParkedScreen</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artikelen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Geen geparkeerde verkopen.</translation>
    </message>
    <message>
        <source>Parked sales</source>
        <translation>Geparkeerde verkopen</translation>
    </message>
    <message>
        <source>Parked at</source>
        <translation>Geparkeerd om</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikelen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::PayScreen</name>
    <message>
        <source>Cash rounding</source>
        <translation>Afronding contant</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wisselgeld</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Gepast</translation>
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
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betaald</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Niet betaald</translation>
    </message>
    <message>
        <source>Being given back</source>
        <translation>Wordt teruggegeven</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Teruggegeven</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Volg de instructies op de betaalautomaat</translation>
    </message>
    <message>
        <source>Card approved</source>
        <translation>Pinbetaling goedgekeurd</translation>
    </message>
    <message>
        <source>Choose how to pay the remaining %1.</source>
        <translation>Kies hoe de resterende %1 betaald wordt.</translation>
    </message>
    <message>
        <source>Declined — ask for another card or another way to pay</source>
        <translation>Geweigerd — vraag om een andere kaart of een andere betaalwijze</translation>
    </message>
    <message>
        <source>Cancelled on the terminal — try again or choose another way to pay</source>
        <translation>Geannuleerd op de betaalautomaat — probeer opnieuw of kies een andere betaalwijze</translation>
    </message>
    <message>
        <source>The terminal is busy — wait a moment and try again</source>
        <translation>De betaalautomaat is bezig — wacht even en probeer opnieuw</translation>
    </message>
    <message>
        <source>No answer from the terminal — checking what happened…</source>
        <translation>Geen antwoord van de betaalautomaat — we controleren wat er gebeurd is…</translation>
    </message>
    <message>
        <source>Do not start the card payment again: the customer is never charged twice.</source>
        <translation>Start de pinbetaling niet opnieuw: de klant wordt nooit twee keer afgeschreven.</translation>
    </message>
    <message>
        <source>The terminal cannot be reached — check that it is on and connected</source>
        <translation>De betaalautomaat is niet bereikbaar — controleer of hij aan staat en verbonden is</translation>
    </message>
    <message>
        <source>%1 points · %2</source>
        <translation>%1 punten · %2</translation>
    </message>
    <message>
        <source>Received in cash</source>
        <translation>Contant ontvangen</translation>
    </message>
    <message>
        <source>Amount of this part</source>
        <translation>Bedrag van dit deel</translation>
    </message>
    <message>
        <source>Pay %1 in cash</source>
        <translation>Betaal %1 contant</translation>
    </message>
    <message>
        <source>Pay %1 in cash, part</source>
        <translation>Betaal %1 contant, deel</translation>
    </message>
    <message>
        <source>Pay %1 by card</source>
        <translation>Betaal %1 met pin</translation>
    </message>
    <message>
        <source>A card pays at most the remaining %1.</source>
        <translation>Een pinbetaling betaalt hoogstens de resterende %1.</translation>
    </message>
    <message>
        <source>Pay %1 with store credit</source>
        <translation>Betaal %1 met tegoed</translation>
    </message>
    <message>
        <source>Pay %1 with %2 points</source>
        <translation>Betaal %1 met %2 punten</translation>
    </message>
    <message>
        <source>Available: %1 points, worth %2.</source>
        <translation>Beschikbaar: %1 punten, waarde %2.</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Afrekenen</translation>
    </message>
    <message>
        <source>Waiting for the terminal…</source>
        <translation>Wachten op de betaalautomaat…</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Te betalen</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>Al betaald</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Nog te betalen</translation>
    </message>
    <message>
        <source>To pay in cash</source>
        <translation>Contant te betalen</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Betalingen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>Cancel payment</source>
        <translation>Betaling annuleren</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::PickupScreen</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min geleden</numerusform>
            <numerusform>%n min geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Reservering</translation>
    </message>
    <message>
        <source>Web order</source>
        <translation>Webbestelling</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <source>Reservation %1</source>
        <translation>Reservering %1</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Webbestelling %1</translation>
    </message>
    <message>
        <source>Ready since %1 (%2)</source>
        <translation>Klaar sinds %1 (%2)</translation>
    </message>
    <message>
        <source>held until %1</source>
        <translation>vastgehouden tot %1</translation>
    </message>
    <message>
        <source>Paid online</source>
        <translation>Online betaald</translation>
    </message>
    <message>
        <source>To be paid now: it goes into the basket</source>
        <translation>Nu te betalen: het gaat in het mandje</translation>
    </message>
    <message>
        <source>partly collected before</source>
        <translation>eerder deels opgehaald</translation>
    </message>
    <message numerus="yes">
        <source>overdue (waiting more than %n day(s))</source>
        <translation>
            <numerusform>te laat (wacht al meer dan %n dag)</numerusform>
            <numerusform>te laat (wacht al meer dan %n dagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 left (SKU %3)</source>
        <translation>%1 van %2 over (artikelnr. %3)</translation>
    </message>
    <message>
        <source>%1 ordered (SKU %2)</source>
        <translation>%1 besteld (artikelnr. %2)</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Eén minder</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eén meer</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>Nog niet gecontroleerd.</translation>
    </message>
    <message>
        <source>✓ Code correct — choose what to hand over.</source>
        <translation>✓ Code klopt — kies wat u meegeeft.</translation>
    </message>
    <message>
        <source>✓ ID checked — choose what to hand over.</source>
        <translation>✓ ID gecontroleerd — kies wat u meegeeft.</translation>
    </message>
    <message numerus="yes">
        <source>Hand over %n item(s)</source>
        <translation>
            <numerusform>%n artikel meegeven</numerusform>
            <numerusform>%n artikelen meegeven</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Meegeven</translation>
    </message>
    <message>
        <source>%1 handed over — the order is complete.</source>
        <translation>%1 meegegeven — de bestelling is compleet.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) handed over; the rest stays ready for pickup.</source>
        <translation>
            <numerusform>%n artikel meegegeven; de rest blijft klaarliggen.</numerusform>
            <numerusform>%n artikelen meegegeven; de rest blijft klaarliggen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Handed over. The reserved items are in the basket: take the payment.</source>
        <translation>Meegegeven. De gereserveerde artikelen staan in het mandje: reken af.</translation>
    </message>
    <message>
        <source>%1 marked not collected: the items go back to stock.</source>
        <translation>%1 gemarkeerd als niet opgehaald: de artikelen gaan terug naar de voorraad.</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Afhalen</translation>
    </message>
    <message>
        <source>Nothing is waiting for pickup at this store.</source>
        <translation>Er ligt niets klaar om af te halen in deze winkel.</translation>
    </message>
    <message>
        <source>Choose an order on the left to hand it over.</source>
        <translation>Kies links een bestelling om mee te geven.</translation>
    </message>
    <message>
        <source>What the customer takes now</source>
        <translation>Wat de klant nu meeneemt</translation>
    </message>
    <message>
        <source>Check the customer: type the 6-digit pickup code from their message, or check their ID against the name.</source>
        <translation>Controleer de klant: typ de 6-cijferige afhaalcode uit het bericht, of vergelijk het identiteitsbewijs met de naam.</translation>
    </message>
    <message>
        <source>Check code</source>
        <translation>Code controleren</translation>
    </message>
    <message>
        <source>ID checked</source>
        <translation>ID gecontroleerd</translation>
    </message>
    <message>
        <source>Back to sale</source>
        <translation>Terug naar verkoop</translation>
    </message>
    <message>
        <source>Not collected</source>
        <translation>Niet opgehaald</translation>
    </message>
    <message>
        <source>Choose an order above to hand it over.</source>
        <translation>Kies hierboven een bestelling om mee te geven.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Check the customer&apos;s ID instead.</source>
        <translation>Te veel foute codes. Controleer in plaats daarvan het ID van de klant.</translation>
    </message>
    <message>
        <source>The code can no longer be used for this order. Check the customer&apos;s ID against the name.</source>
        <translation>De code kan voor deze bestelling niet meer worden gebruikt. Controleer het ID van de klant aan de hand van de naam.</translation>
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
            <numerusform>%1 %2 van 5 · %n beoordeling</numerusform>
            <numerusform>%1 %2 van 5 · %n beoordelingen</numerusform>
        </translation>
    </message>
    <message>
        <source>No reviews yet</source>
        <translation>Nog geen beoordelingen</translation>
    </message>
    <message>
        <source>&lt;b&gt;SKU&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Artikelnummer&lt;/b&gt; %1</translation>
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
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Voorraad</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Add to basket</source>
        <translation>In mandje</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>On %1&apos;s wish list.</source>
        <translation>Op het verlanglijstje van %1.</translation>
    </message>
    <message>
        <source>Add to %1&apos;s wish list</source>
        <translation>Op verlanglijstje van %1 zetten</translation>
    </message>
    <message>
        <source>No connection to the server: these are the last figures this tablet received.</source>
        <translation>Geen verbinding met de server: dit zijn de laatste cijfers die deze tablet kreeg.</translation>
    </message>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (deze winkel)</translation>
    </message>
    <message numerus="yes">
        <source>%n in stock</source>
        <translation>
            <numerusform>%n op voorraad</numerusform>
            <numerusform>%n op voorraad</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sold in the web shop</source>
        <translation>Niet te koop in de webwinkel</translation>
    </message>
    <message numerus="yes">
        <source>Delivered in %n day(s)</source>
        <translation>
            <numerusform>Bezorgd in %n dag</numerusform>
            <numerusform>Bezorgd in %n dagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reserve in %1</source>
        <translation>Reserveren in %1</translation>
    </message>
    <message>
        <source>Pick up in %1</source>
        <translation>Afhalen in %1</translation>
    </message>
    <message>
        <source>None to reserve</source>
        <translation>Niets te reserveren</translation>
    </message>
    <message>
        <source>Needs a connection</source>
        <translation>Vraagt verbinding</translation>
    </message>
    <message>
        <source>Offline: reserving and ordering need a connection to the server.</source>
        <translation>Offline: reserveren en bestellen vragen een verbinding met de server.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Order for home</source>
        <translation>Thuis laten bezorgen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReceiptScreen</name>
    <message>
        <source>Sale %1 completed</source>
        <translation>Verkoop %1 afgerond</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Wisselgeld</translation>
    </message>
    <message>
        <source>The receipt has been printed.</source>
        <translation>De bon is afgedrukt.</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Nieuwe verkoop</translation>
    </message>
    <message>
        <source>A copy marked &quot;COPY&quot; has been printed.</source>
        <translation>Er is een kopie met de vermelding &quot;KOPIE&quot; afgedrukt.</translation>
    </message>
    <message>
        <source>Receipt for the customer</source>
        <translation>Bon voor de klant</translation>
    </message>
    <message>
        <source>Print copy</source>
        <translation>Kopie afdrukken</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>E-mail receipts are not available on this tablet yet.</source>
        <translation>Bonnen per e-mail zijn op deze tablet nog niet beschikbaar.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cash: %1 (received %2)</source>
        <translation>Contant: %1 (ontvangen %2)</translation>
    </message>
    <message>
        <source>Cash: %1</source>
        <translation>Contant: %1</translation>
    </message>
    <message>
        <source>Gift card …%1: %2</source>
        <translation>Cadeaukaart …%1: %2</translation>
    </message>
    <message>
        <source>%1 left on the gift card</source>
        <translation>nog %1 op de cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit: %1</source>
        <translation>Tegoed: %1</translation>
    </message>
    <message>
        <source>%1 store credit left</source>
        <translation>nog %1 tegoed</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s): %1</source>
        <translation>
            <numerusform>%n spaarpunt: %1</numerusform>
            <numerusform>%n spaarpunten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash rounding: %1</source>
        <translation>Afronding contant: %1</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Betaald met</translation>
    </message>
    <message>
        <source>No receipt printer on this tablet: e-mail the receipt or give none.</source>
        <translation>Geen bonprinter op deze tablet: mail de bon of geef er geen.</translation>
    </message>
    <message>
        <source>The receipt is on its way to %1.</source>
        <translation>De bon is onderweg naar %1.</translation>
    </message>
    <message>
        <source>Card: %1</source>
        <translation>Kaart: %1</translation>
    </message>
    <message>
        <source>Card %1: %2</source>
        <translation>Kaart %1: %2</translation>
    </message>
    <message>
        <source>Cash: %1 — hand it to the customer</source>
        <translation>Contant: %1 — geef het aan de klant</translation>
    </message>
    <message>
        <source>Web payment: %1 — the web shop pays it back within a few days</source>
        <translation>Webbetaling: %1 — de webwinkel betaalt het binnen een paar dagen terug</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) given back: %1</source>
        <translation>
            <numerusform>%n spaarpunt teruggegeven: %1</numerusform>
            <numerusform>%n spaarpunten teruggegeven: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exchange credit: %1</source>
        <translation>Ruiltegoed: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) taken back</source>
        <translation>
            <numerusform>%n spaarpunt teruggenomen</numerusform>
            <numerusform>%n spaarpunten teruggenomen</numerusform>
        </translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Terugbetaald via</translation>
    </message>
    <message>
        <source>Return %1 completed</source>
        <translation>Retour %1 afgerond</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Terugbetaald</translation>
    </message>
    <message>
        <source>The return receipt has been printed.</source>
        <translation>De retourbon is afgedrukt.</translation>
    </message>
    <message>
        <source>Web order %1</source>
        <translation>Webbestelling %1</translation>
    </message>
    <message>
        <source>Pickup code: %1</source>
        <translation>Afhaalcode: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReportPane</name>
    <message>
        <source>Print</source>
        <translation>Afdrukken</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>Pdf</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReserveSheet</name>
    <message>
        <source>The tablet is offline: reserving needs the network. Call the store instead, or try again in a moment.</source>
        <translation>De tablet is offline: reserveren kan alleen online. Bel de winkel, of probeer het zo opnieuw.</translation>
    </message>
    <message numerus="yes">
        <source>Reserve %n piece(s)</source>
        <translation>
            <numerusform>%n stuk reserveren</numerusform>
            <numerusform>%n stuks reserveren</numerusform>
        </translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Gereserveerd</translation>
    </message>
    <message numerus="yes">
        <source>%n × %1 is held for the customer at %2.</source>
        <translation>
            <numerusform>%n × %1 ligt voor de klant klaar in %2.</numerusform>
            <numerusform>%n × %1 liggen voor de klant klaar in %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pickup code — give it to the customer</source>
        <translation>Afhaalcode — geef hem aan de klant</translation>
    </message>
    <message>
        <source>(already reserved — code given before)</source>
        <translation>(al gereserveerd — code eerder gegeven)</translation>
    </message>
    <message>
        <source>Held until %1</source>
        <translation>Vastgehouden tot %1</translation>
    </message>
    <message>
        <source>The customer pays when they pick it up. They show this code or their ID at the counter.</source>
        <translation>De klant betaalt bij het afhalen en laat aan de balie deze code of een identiteitsbewijs zien.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Reserve in %1</source>
        <translation>Reserveren in %1</translation>
    </message>
    <message>
        <source>%1: %2 in stock (last known figure). The server checks what is still available.</source>
        <translation>%1: %2 op voorraad (laatst bekend). De server controleert wat er nog beschikbaar is.</translation>
    </message>
    <message>
        <source>%1: no figure known here; the server checks what is available.</source>
        <translation>%1: hier geen voorraad bekend; de server controleert wat beschikbaar is.</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserveren</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>Hoeveel</translation>
    </message>
    <message>
        <source>For which customer</source>
        <translation>Voor welke klant</translation>
    </message>
    <message>
        <source>Someone else: type a name and phone</source>
        <translation>Iemand anders: typ een naam en telefoonnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Phone (the store calls when it is ready)</source>
        <translation>Telefoon (de winkel belt als het klaarligt)</translation>
    </message>
    <message>
        <source>e.g. Sanne de Jong</source>
        <translation>bijv. Sanne de Jong</translation>
    </message>
    <message>
        <source>e.g. 06 12345678</source>
        <translation>bijv. 06 12345678</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ReturnScreen</name>
    <message>
        <source>Changed mind</source>
        <translation>Bedacht</translation>
    </message>
    <message>
        <source>Wrong size</source>
        <translation>Verkeerde maat</translation>
    </message>
    <message>
        <source>Defective</source>
        <translation>Defect</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Niet zoals beschreven</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Andere reden</translation>
    </message>
    <message>
        <source>Back on the shelf</source>
        <translation>Terug in het schap</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Beschadigd</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Web payment</source>
        <translation>Webbetaling</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tegoed</translation>
    </message>
    <message>
        <source>Loyalty points</source>
        <translation>Spaarpunten</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Ruilen</translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt or packing slip, or type its number.</source>
        <translation>Scan de QR-code op de bon of pakbon, of typ het nummer.</translation>
    </message>
    <message>
        <source>No product found for &quot;%1&quot;.</source>
        <translation>Geen product gevonden voor &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Which product comes back?</source>
        <translation>Welk product komt terug?</translation>
    </message>
    <message>
        <source>Return without receipt: %1 as store credit</source>
        <translation>Retour zonder bon: %1 als winkeltegoed</translation>
    </message>
    <message>
        <source>Return of %1 outside the rules</source>
        <translation>Retour van %1 buiten de regels</translation>
    </message>
    <message>
        <source>Why does it come back?</source>
        <translation>Waarom komt het terug?</translation>
    </message>
    <message>
        <source>Scan or type the product&apos;s barcode or name</source>
        <translation>Scan of typ de barcode of naam van het product</translation>
    </message>
    <message>
        <source>Receipt or web order number</source>
        <translation>Bon- of webbestelnummer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Offline: returns of web orders and of other tablets&apos; or stores&apos; sales need the network. Sales made on this tablet can be returned now.</source>
        <translation>Offline: retouren van webbestellingen en van verkopen op andere tablets of in andere winkels hebben netwerk nodig. Verkopen van deze tablet kunnen nu retour.</translation>
    </message>
    <message>
        <source>Offline: this sale was made on this tablet, so it can be returned now. The server checks it when the network is back.</source>
        <translation>Offline: deze verkoop is op deze tablet gedaan en kan nu retour. De server controleert het als het netwerk terug is.</translation>
    </message>
    <message>
        <source>Scan the QR code on the receipt, the packing slip or the order e-mail, or type the receipt or order number. No receipt? Tap &quot;No receipt&quot;.</source>
        <translation>Scan de QR-code op de bon, de pakbon of de bestelmail, of typ het bon- of bestelnummer. Geen bon? Tik op &quot;Geen bon&quot;.</translation>
    </message>
    <message>
        <source>Receipt %1 · store %2 · %3</source>
        <translation>Bon %1 · winkel %2 · %3</translation>
    </message>
    <message>
        <source>Web order %1 · web shop · ordered %2</source>
        <translation>Webbestelling %1 · webwinkel · besteld %2</translation>
    </message>
    <message>
        <source>Delivered on %1</source>
        <translation>Bezorgd op %1</translation>
    </message>
    <message>
        <source>Not delivered yet: the 14 days start at delivery</source>
        <translation>Nog niet bezorgd: de 14 dagen beginnen bij bezorging</translation>
    </message>
    <message>
        <source>Without receipt: refunded as store credit at today&apos;s price, with a manager&apos;s approval. Scan each product that comes back.</source>
        <translation>Zonder bon: terugbetaald als winkeltegoed tegen de prijs van vandaag, met goedkeuring van een manager. Scan elk product dat terugkomt.</translation>
    </message>
    <message>
        <source>Return by %1</source>
        <translation>Retour uiterlijk %1</translation>
    </message>
    <message>
        <source>Customer: card %1 · %2</source>
        <translation>Klant: kaart %1 · %2</translation>
    </message>
    <message>
        <source>Today&apos;s price %1</source>
        <translation>Prijs vandaag %1</translation>
    </message>
    <message>
        <source>Sold %1 · returned before %2 · returnable %3</source>
        <translation>Verkocht %1 · eerder retour %2 · nog retour %3</translation>
    </message>
    <message>
        <source>Paid %1 per unit</source>
        <translation>Betaald %1 per stuk</translation>
    </message>
    <message>
        <source>Final sale: only with a manager&apos;s approval</source>
        <translation>Uitverkoop: alleen met goedkeuring van een manager</translation>
    </message>
    <message>
        <source>Return window passed on %1: only with a manager&apos;s approval</source>
        <translation>Retourtermijn verlopen op %1: alleen met goedkeuring van een manager</translation>
    </message>
    <message>
        <source>Return window passed: only with a manager&apos;s approval</source>
        <translation>Retourtermijn verlopen: alleen met goedkeuring van een manager</translation>
    </message>
    <message>
        <source>Not delivered yet: returnable</source>
        <translation>Nog niet bezorgd: retour mogelijk</translation>
    </message>
    <message>
        <source>%1 back · %2 · %3</source>
        <translation>%1 retour · %2 · %3</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>The refund shows here once the receipt or order is found: what comes back, how much, and where the money goes.</source>
        <translation>De terugbetaling verschijnt hier zodra de bon of bestelling gevonden is: wat terugkomt, hoeveel, en waar het geld naartoe gaat.</translation>
    </message>
    <message>
        <source>Scan each product that comes back.</source>
        <translation>Scan elk product dat terugkomt.</translation>
    </message>
    <message>
        <source>Tap + on each item that comes back.</source>
        <translation>Tik op + bij elk artikel dat terugkomt.</translation>
    </message>
    <message>
        <source>Refunding</source>
        <translation>Bezig met terugbetalen</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Terugbetalen</translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) taken back</source>
        <translation>
            <numerusform>%n spaarpunt teruggenomen</numerusform>
            <numerusform>%n spaarpunten teruggenomen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n loyalty point(s) given back</source>
        <translation>
            <numerusform>%n spaarpunt teruggegeven</numerusform>
            <numerusform>%n spaarpunten teruggegeven</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs a manager&apos;s approval: %1</source>
        <translation>Goedkeuring van een manager nodig: %1</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>%1 terugbetalen</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Terug naar verkopen</translation>
    </message>
    <message>
        <source>Cancel return</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Original payment</source>
        <translation>Oorspronkelijke betaling</translation>
    </message>
    <message>
        <source>Refund to</source>
        <translation>Terugbetalen via</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>At the terminal</source>
        <translation>Bij de terminal</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Follow the instructions on the terminal</source>
        <translation>Volg de instructies op de betaalautomaat</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Terugbetaald</translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation>Niet terugbetaald</translation>
    </message>
    <message>
        <source>The card refund did not go through</source>
        <translation>De terugbetaling op de kaart is niet gelukt</translation>
    </message>
    <message>
        <source>This part did not go through</source>
        <translation>Dit deel is niet gelukt</translation>
    </message>
    <message>
        <source>Goes back to</source>
        <translation>Gaat terug naar</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Geen bon</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Artikelen</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Verzending</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Afronding contant</translation>
    </message>
    <message>
        <source>Total refund</source>
        <translation>Totaal terug</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Opnieuw controleren</translation>
    </message>
    <message>
        <source>How does %1 go back?</source>
        <translation>Hoe gaat %1 terug?</translation>
    </message>
    <message>
        <source>Scan or type the number of the gift card the refund goes onto. A new card is activated with the refund.</source>
        <translation>Scan of typ het nummer van de cadeaukaart waarop de terugbetaling komt. Een nieuwe kaart wordt met de terugbetaling geactiveerd.</translation>
    </message>
    <message>
        <source>Onto gift card %1</source>
        <translation>Op cadeaukaart %1</translation>
    </message>
    <message>
        <source>Gift card number</source>
        <translation>Cadeaukaartnummer</translation>
    </message>
    <message>
        <source>Refund onto this card</source>
        <translation>Op deze kaart terugbetalen</translation>
    </message>
    <message>
        <source>Use this card</source>
        <translation>Deze kaart gebruiken</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Refund another way</source>
        <translation>Op een andere manier terug</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SearchResultsModel</name>
    <message>
        <source>%1
now %2</source>
        <translation>%1
nu %2</translation>
    </message>
    <message>
        <source>No stock figure for this store</source>
        <translation>Geen voorraadgegeven voor deze winkel</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prijs</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hier</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SellScreen</name>
    <message>
        <source>Sale parked. Find it under Menu → Parked sales.</source>
        <translation>Verkoop geparkeerd. U vindt hem onder Menu → Geparkeerde verkopen.</translation>
    </message>
    <message>
        <source>(was %1)</source>
        <translation>(was %1)</translation>
    </message>
    <message numerus="yes">
        <source>Basket (%n item(s))</source>
        <translation>
            <numerusform>Mandje (%n artikel)</numerusform>
            <numerusform>Mandje (%n artikelen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search name, brand, SKU or barcode</source>
        <translation>Zoek op naam, merk, artikelnummer of barcode</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Bedrag</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Afrekenen</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Parkeren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>btw %1</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Btw-tarief</translation>
    </message>
    <message>
        <source>Excl. VAT</source>
        <translation>Excl. btw</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Btw</translation>
    </message>
    <message>
        <source>Incl. VAT</source>
        <translation>Incl. btw</translation>
    </message>
    <message>
        <source>Customer attached: %1.</source>
        <translation>Klant gekoppeld: %1.</translation>
    </message>
    <message>
        <source>Manual discount: %1</source>
        <translation>Handmatige korting: %1</translation>
    </message>
    <message>
        <source>(approved by %1)</source>
        <translation>(goedgekeurd door %1)</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Klant: %1</translation>
    </message>
    <message>
        <source>+%1 points with this sale</source>
        <translation>+%1 punten met deze verkoop</translation>
    </message>
    <message>
        <source>Coupon: %1</source>
        <translation>Kortingscode: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Korting</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Kortingscode</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotaal</translation>
    </message>
    <message>
        <source>Your saving</source>
        <translation>Uw voordeel</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Cadeaukaart</translation>
    </message>
    <message>
        <source>Exchange credit −%1 · %2 goes back to the customer</source>
        <translation>Ruiltegoed −%1 · %2 gaat terug naar de klant</translation>
    </message>
    <message>
        <source>Exchange credit −%1 · to pay %2</source>
        <translation>Ruiltegoed −%1 · te betalen %2</translation>
    </message>
    <message>
        <source>Open the Shift screen</source>
        <translation>Open het scherm Dienst</translation>
    </message>
    <message>
        <source>ordered, not taken home</source>
        <translation>besteld, niet meegenomen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::ShiftScreen</name>
    <message>
        <source>staff member %1</source>
        <translation>medewerker %1</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Z-rapport %1</translation>
    </message>
    <message>
        <source>X report (changes nothing)</source>
        <translation>X-rapport (verandert niets)</translation>
    </message>
    <message>
        <source>Shift open — drawer %1</source>
        <translation>Dienst open — lade %1</translation>
    </message>
    <message>
        <source>Opened by %1 on %2.</source>
        <translation>Geopend door %1 op %2.</translation>
    </message>
    <message>
        <source>Cash in the drawer now</source>
        <translation>Geld in de lade nu</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Wisselgeld</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Contante verkopen</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Contante terugbetalingen</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Geld in lade</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Geld uit lade</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkopen</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), %1</source>
        <translation>
            <numerusform>%n verkoop, %1</numerusform>
            <numerusform>%n verkopen, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the count</source>
        <translation>Controleer de telling</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Geteld</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>%1 is missing from the drawer. Count again to be sure.</source>
        <translation>Er ontbreekt %1 in de lade. Tel voor de zekerheid opnieuw.</translation>
    </message>
    <message>
        <source>The drawer holds %1 more than expected. Count again to be sure.</source>
        <translation>De lade bevat %1 meer dan verwacht. Tel voor de zekerheid opnieuw.</translation>
    </message>
    <message>
        <source>The count matches what the drawer should hold.</source>
        <translation>De telling klopt met wat de lade hoort te bevatten.</translation>
    </message>
    <message>
        <source>Close the shift to make the Z report with this count and variance. Selling then waits for the next shift.</source>
        <translation>Sluit de dienst om het Z-rapport met deze telling en dit verschil te maken. Verkopen wacht dan op de volgende dienst.</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Opnieuw tellen</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Dienst sluiten</translation>
    </message>
    <message>
        <source>Shift closed — Z report %1</source>
        <translation>Dienst gesloten — Z-rapport %1</translation>
    </message>
    <message>
        <source>Opened by %1 on %2, closed by %3 on %4.</source>
        <translation>Geopend door %1 op %2, gesloten door %3 op %4.</translation>
    </message>
    <message>
        <source>Close the shift: count the cash in the drawer</source>
        <translation>Dienst sluiten: tel het geld in de lade</translation>
    </message>
    <message>
        <source>Open a shift: count the float</source>
        <translation>Dienst openen: tel het wisselgeld</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer. Tap a row, then type the number of pieces or use − and +. The expected amount shows after the count.</source>
        <translation>Tel elk biljet en elke munt in de lade. Tik op een regel en typ het aantal stuks of gebruik − en +. Het verwachte bedrag verschijnt na de telling.</translation>
    </message>
    <message>
        <source>Count the notes and coins the drawer starts with. Tap a row, then type the number of pieces or use − and +. No float: open with € 0,00.</source>
        <translation>Tel de biljetten en munten waarmee de lade begint. Tik op een regel en typ het aantal stuks of gebruik − en +. Geen wisselgeld: open met € 0,00.</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Dienst openen</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Back to selling</source>
        <translation>Naar verkopen</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Geen verkoop</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Dienst sluiten</translation>
    </message>
    <message>
        <source>Open the next shift</source>
        <translation>Volgende dienst</translation>
    </message>
    <message>
        <source>X report: the figures of this shift so far — sales, refunds, cash in and out, and the cash the drawer should hold. It changes nothing.

At the end of the shift, Close shift: count the drawer, compare, and the Z report is made.</source>
        <translation>X-rapport: de cijfers van deze dienst tot nu toe — verkopen, terugbetalingen, geld in en uit de lade, en wat de lade hoort te bevatten. Het verandert niets.

Aan het eind van de dienst: Dienst sluiten — tel de lade, vergelijk, en het Z-rapport wordt gemaakt.</translation>
    </message>
    <message>
        <source>Shift opened with a float of %1. The drawer is open: put the float in.</source>
        <translation>Dienst geopend met %1 wisselgeld. De lade is open: leg het wisselgeld erin.</translation>
    </message>
    <message>
        <source>A sale is open. Finish or clear it on the sell screen first, then close the shift.</source>
        <translation>Er staat een verkoop open. Rond die eerst af of wis hem op het verkoopscherm en sluit dan de dienst.</translation>
    </message>
    <message>
        <source>%1 put in (%2). The drawer should hold %3 now.</source>
        <translation>%1 in de lade (%2). De lade hoort nu %3 te bevatten.</translation>
    </message>
    <message>
        <source>%1 taken out (%2). The drawer should hold %3 now.</source>
        <translation>%1 uit de lade (%2). De lade hoort nu %3 te bevatten.</translation>
    </message>
    <message>
        <source>The drawer is open (no sale: %1).</source>
        <translation>De lade is open (geen verkoop: %1).</translation>
    </message>
    <message>
        <source>Open the drawer without a sale</source>
        <translation>Lade openen zonder verkoop</translation>
    </message>
    <message>
        <source>The drawer is open (no sale: %1), approved by %2.</source>
        <translation>De lade is open (geen verkoop: %1), goedgekeurd door %2.</translation>
    </message>
    <message>
        <source>Z report %1 printed. Keep it with the counted cash.</source>
        <translation>Z-rapport %1 afgedrukt. Bewaar het bij het getelde geld.</translation>
    </message>
    <message>
        <source>X report printed.</source>
        <translation>X-rapport afgedrukt.</translation>
    </message>
    <message>
        <source>The PDF could not be saved in %1. Is the storage full?</source>
        <translation>De pdf kon niet worden opgeslagen in %1. Is de opslag vol?</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Opgeslagen als pdf: %1</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::SyncChip</name>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n afgewezen</numerusform>
            <numerusform>%n afgewezen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wachtend</numerusform>
            <numerusform>%n wachtend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>online — %n waiting</source>
        <translation>
            <numerusform>online — %n wachtend</numerusform>
            <numerusform>online — %n wachtend</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message numerus="yes">
        <source>offline — %n waiting</source>
        <translation>
            <numerusform>offline — %n wachtend</numerusform>
            <numerusform>offline — %n wachtend</numerusform>
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
            <numerusform>%n gebeurtenis</numerusform>
            <numerusform>%n gebeurtenissen</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>none, but the server has not answered yet</source>
        <translation>geen, maar de server heeft nog niet geantwoord</translation>
    </message>
    <message numerus="yes">
        <source>Rejected by the server (%n):</source>
        <translation>
            <numerusform>Afgewezen door de server (%n):</numerusform>
            <numerusform>Afgewezen door de server (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>The server has rejected nothing.</source>
        <translation>De server heeft niets afgewezen.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Niets om opnieuw te versturen.</translation>
    </message>
    <message>
        <source>Tap an event to see its details.</source>
        <translation>Tik op een gebeurtenis voor de details.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reden: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Pogingen: %1</translation>
    </message>
    <message>
        <source>Number on this tablet: %1</source>
        <translation>Volgnummer op deze tablet: %1</translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation>Gebeurtenis: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) will be sent again.</source>
        <translation>
            <numerusform>%n gebeurtenis wordt opnieuw verstuurd.</numerusform>
            <numerusform>%n gebeurtenissen worden opnieuw verstuurd.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Verkoop</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>Last update from the server</source>
        <translation>Laatste update van de server</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Laatste probleem</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>E-mailed receipts</source>
        <translation>Gemailde bonnen</translation>
    </message>
    <message>
        <source>Not known right now: %1</source>
        <translation>Nu niet bekend: %1</translation>
    </message>
    <message>
        <source>Every e-mailed receipt was sent.</source>
        <translation>Elke gemailde bon is verstuurd.</translation>
    </message>
    <message numerus="yes">
        <source>E-mailed receipts that could not be sent (%n):</source>
        <translation>
            <numerusform>Gemailde bon die niet verstuurd kon worden (%n):</numerusform>
            <numerusform>Gemailde bonnen die niet verstuurd konden worden (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 (%3): %4</source>
        <translation>%1 aan %2 (%3): %4</translation>
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
        <translation>Geparkeerde verkopen</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Wissel gebruiker</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 ptn</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Retouren</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Manager&apos;s day</source>
        <translation>Dag van de manager</translation>
    </message>
    <message>
        <source>Training mode…</source>
        <translation>Oefenmodus…</translation>
    </message>
    <message>
        <source>TRAINING — practice only: nothing is really sold, paid or counted</source>
        <translation>OEFENMODUS — alleen oefenen: er wordt niets echt verkocht, betaald of geteld</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>Afhalen</translation>
    </message>
</context>
<context>
    <name>Toonbank::Ui::TrainingSheet</name>
    <message>
        <source>Training on</source>
        <translation>Oefenmodus aan</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Oefenmodus</translation>
    </message>
    <message>
        <source>Who is practising? Their sales and returns are marked TRAINING: no stock, money, points or cash in the drawer move, and they are left out of every report.</source>
        <translation>Wie oefent er? Hun verkopen en retouren krijgen het merk OEFENMODUS: er verandert geen voorraad, geld, punten of kasgeld, en ze tellen in geen enkel rapport mee.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>The payment could not be saved on this tablet.</source>
        <translation>De betaling kon niet op deze tablet worden opgeslagen.</translation>
    </message>
</context>
</TS>
