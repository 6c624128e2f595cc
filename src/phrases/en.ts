import type { PhraseSet } from './phrase-set';

/*
 * English phrases, slang and coded words sellers use. Strong phrases are offers in themselves; weak
 * ones are everyday words that count only next to sale intent (a price, a contact handle, "for sale").
 */
export const EN: PhraseSet = {
  'firearms-explosives': {
    strong: [
      'guns for sale', 'pistol for sale', 'handgun for sale', 'rifle for sale', 'ghost gun', 'ghost guns', '80% lower',
      'polymer80', 'unserialized', 'no serial number', 'auto sear', 'glock switch', 'drop in auto sear', 'full auto conversion kit',
      'solvent trap kit', 'untraceable firearm', 'ammo for sale', 'ammunition for sale', 'buy ammo without license',
      'explosives for sale', 'c4 for sale', 'detonators for sale', 'blasting caps for sale', 'grenades for sale',
      'no background check', 'no ffl required',
    ],
    weak: ['gun', 'pistol', 'rifle', 'shotgun', 'ammo', 'ammunition', 'glock', 'ar-15', 'ak-47', 'air gun', 'pcp rifle', 'silencer', 'suppressor', 'detonator'],
  },
  'weapons-police-gear': {
    strong: [
      'switchblades for sale', 'gravity knife for sale', 'butterfly knife for sale', 'crossbow for sale no license',
      'stun gun for sale', 'taser for sale', 'police badge for sale', 'police uniform for sale', 'fake police badge',
      'handcuffs and baton set', 'expandable baton for sale', 'knuckle dusters for sale', 'brass knuckles for sale',
      'pepper spray wholesale', 'police equipment for sale', 'riot gear for sale', 'balisong for sale', 'otf knife for sale',
    ],
    weak: ['switchblade', 'crossbow', 'stun gun', 'taser', 'baton', 'handcuffs', 'brass knuckles', 'dagger', 'machete', 'butterfly knife', 'police badge'],
  },
  'drugs-precursors': {
    strong: [
      'meth for sale', 'crystal meth for sale', 'cocaine for sale', 'heroin for sale', 'fentanyl for sale', 'mdma for sale',
      'ketamine for sale', 'lsd tabs for sale', 'weed delivery no id', 'buy xanax without prescription', 'oxycodone without prescription',
      'research chemicals for sale', 'bk-mdma', 'a-pvp', 'flakka', 'ephedrine for sale', 'pseudoephedrine bulk',
      'pmk glycidate', 'bmk oil', 'gbl for sale', 'safrole oil', 'discreet stealth shipping', 'vendor shop darknet',
    ],
    weak: ['ice', 'molly', 'plug', 'tabs', 'percs', 'oxy', 'weed', 'kush', 'fent', 'dope', 'xans', 'shrooms'],
  },
  'toxic-chemicals': {
    strong: [
      'cyanide for sale', 'potassium cyanide for sale', 'sodium cyanide for sale', 'thallium sulfate for sale', 'ricin for sale',
      'strychnine for sale', 'arsenic trioxide for sale', 'mercury chloride for sale', 'paraquat for sale', 'tetramine for sale',
      'undetectable poison', 'poison that leaves no trace', 'buy poison online', 'nerve agent for sale', 'sarin for sale',
    ],
    weak: ['cyanide', 'arsenic', 'thallium', 'strychnine', 'ricin', 'paraquat', 'toxin', 'hydrofluoric acid', 'phosgene'],
  },
  'identity-documents': {
    strong: [
      'fake passports', 'fake passport for sale', 'buy real passport', 'fake id for sale', 'fake ids for sale', 'novelty id',
      'scannable fake id', 'fake driver license', 'fake driving licence', 'buy driver license', 'fake diploma', 'fake degree certificate',
      'buy a degree', 'fake birth certificate', 'fake residence permit', 'counterfeit passport', 'registered passport',
      'id card template psd', 'passport template psd', 'selfie with id service', 'fake ssn card',
    ],
    weak: ['id card', 'driver license', 'driving licence', 'diploma', 'residence permit', 'ssn card'],
  },
  'personal-data': {
    strong: [
      'fullz for sale', 'fullz', 'ssn dob fullz', 'leaked database for sale', 'database dump for sale', 'combo list', 'combolist',
      'email leads for sale', 'phone number database for sale', 'personal data for sale', 'doxing service', 'dox service',
      'people search lookup service', 'kyc data for sale', 'leaked id scans', 'selfie and id pack', 'lookup by id number',
    ],
    weak: ['dox', 'ssn', 'dob', 'leaked data', 'data leak'],
  },
  'bank-cards': {
    strong: [
      'cvv for sale', 'cc for sale', 'dumps with pin', 'dumps for sale', 'track 1 and 2', 'cloned cards', 'cloned credit cards',
      'bank logs for sale', 'bank account for rent', 'rent your bank account', 'buy bank accounts', 'drop accounts', 'cashout service',
      'carding tutorial', 'bin list', 'non vbv', 'money mule wanted', 'prepaid cards with balance for sale',
    ],
    weak: ['cvv', 'dumps', 'bank logs', 'cashout', 'carding', 'cc dumps'],
  },
  'counterfeit-invoices': {
    strong: [
      'fake invoices', 'fake invoice for sale', 'fake receipts for sale', 'invoice generator service', 'counterfeit invoices',
      'buy invoices for tax', 'vat invoices for sale', 'fake vat invoice', 'fake pay stubs', 'fake bank statements',
      'fake utility bill', 'edited bank statement service', 'fake tax documents', 'proof of address service', 'fake payslip',
    ],
    weak: ['pay stub', 'payslip', 'utility bill template'],
  },
  'hacking-tools': {
    strong: [
      'phone spy app', 'spy on a phone remotely', 'whatsapp hacking tool', 'hack any phone', 'phone hacking service',
      'read someone\'s messages remotely', 'number spoofing app', 'caller id spoofing', 'sim swap service',
      'rat for sale', 'android rat', 'keylogger for sale', 'otp bot', 'sms interceptor', 'imsi catcher for sale',
      'hire a hacker', 'account takeover service', 'phishing kit', 'phishing panel',
    ],
    weak: ['spyware', 'spy app', 'keylogger', 'spoofing', 'sim swap', 'stealer', 'botnet'],
  },
  jammers: {
    strong: [
      'gps jammer', 'gps jammers', 'car gps jammer', 'signal jammer for sale', 'cell phone jammer', 'cellphone jammer for sale',
      'mobile phone jammer', 'wifi jammer', 'drone jammer for sale', 'gsm jammer', 'tracker blocker for car', 'car key jammer',
      'keyless relay attack device', 'code grabber', 'rolling code grabber', 'radio jammer for sale',
    ],
    weak: ['jammer', 'jammers', 'signal blocker', 'gps blocker', 'frequency blocker', 'relay box'],
  },
  'human-organs': {
    strong: [
      'kidney for sale', 'sell my kidney', 'buy a kidney', 'liver for sale', 'organ donor wanted for money', 'paid kidney donor',
      'kidney donor needed will pay', 'buy human organs', 'sell organs for cash', 'cornea for sale',
      'kidney transplant abroad no waiting', 'organ broker', 'bone marrow for sale', 'human skulls for sale',
      // A broker's promise that no honest transplant centre makes: the donor comes with the operation.
      'donor provided', 'donor included', 'we provide the donor', 'we find the donor',
      // …and a donor paid as part of the package, not a relative: "unrelated paid donor", "donor compensation included".
      'paid donor', 'paid living donor', 'unrelated paid donor', 'donor compensation', 'pay the donor', 'no family donor',
    ],
    // The crime's name is a report's word, not a seller's: it counts only beside an offer's terms.
    weak: ['cornea', 'bone marrow', 'kidney donor', 'organ trafficking'],
  },
  pornography: {
    strong: [
      'porn videos for sale', 'leaked nudes for sale', 'onlyfans leaks', 'onlyfans leak pack', 'nude pack for sale',
      'hidden camera videos', 'spy cam videos', 'upskirt videos', 'revenge porn', 'sextape for sale', 'mega link nudes',
      'porn subscription resale', 'amateur porn pack', 'xxx videos for sale', 'nudes for sale', 'sell my nudes',
    ],
    weak: ['porn', 'nudes', 'nsfw', 'xxx', 'leaks', 'sextape', 'adult videos', 'mega link', 'hidden cam'],
  },
  'child-sexual-abuse': { strong: [], weak: [] },
  other: { strong: [], weak: [] },
};
