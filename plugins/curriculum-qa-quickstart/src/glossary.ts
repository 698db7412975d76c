import type { GlossaryEntry, Locale } from '@tandem/plugin-sdk';

/**
 * The glossary of the Q&A game: everyday digital terms, explained for a senior civil servant
 * who is not at home in software, with an example from office life in an agency.
 *
 * Each entry holds both languages side by side, so German and English cannot drift apart in
 * number or order. The order is the one a pair may follow when it does not want to pick:
 * the tools on one's own desk first, then working together, security, the public sector and the
 * wider net, ending with AI. Examples avoid addressing the reader (du/Sie) in German, because
 * the sessions speak to the pair as "ihr" while the glossary is read alone.
 */
export const GLOSSARY: readonly Readonly<Record<Locale, GlossaryEntry>>[] = [
  {
    de: {
      term: 'Browser',
      explanation:
        'Das Programm, mit dem man Internetseiten öffnet, zum Beispiel Firefox, Edge oder Chrome. Oben in die Adresszeile tippt man die Adresse einer Seite.',
      example:
        'Das Intranet, das Reisekostenportal und viele Fachverfahren öffnen sich heute im Browser, nicht mehr als eigenes Programm.',
    },
    en: {
      term: 'Browser',
      explanation:
        'The program you open web pages with, such as Firefox, Edge or Chrome. You type the address of a page into the bar at the top.',
      example:
        'The intranet, the travel expenses portal and many specialist applications now open in the browser rather than as programs of their own.',
    },
  },
  {
    de: {
      term: 'App',
      explanation:
        'Ein Programm für eine bestimmte Aufgabe, meist auf Smartphone oder Tablet. Das Wort ist kurz für das englische „application“, Anwendung.',
      example:
        'Die Fahrkarte für die Dienstreise steckt in der App der Bahn auf dem Diensthandy statt ausgedruckt in der Mappe.',
    },
    en: {
      term: 'App',
      explanation:
        'A program for one particular task, usually on a smartphone or tablet. The word is short for "application".',
      example:
        'The ticket for the business trip is in the rail company’s app on the work phone instead of printed out in the folder.',
    },
  },
  {
    de: {
      term: 'Update',
      explanation:
        'Eine neue Fassung eines Programms, die Fehler behebt, Sicherheitslücken schließt oder Neues bringt. Updates gehören bald installiert, weil Angreifer bekannte Lücken gezielt ausnutzen.',
      example:
        'Der Rechner meldet morgens „Updates werden installiert, bitte nicht ausschalten“: Die IT schließt gerade eine Sicherheitslücke.',
    },
    en: {
      term: 'Update',
      explanation:
        'A new version of a program that fixes errors, closes security gaps or adds something new. Updates should be installed soon, because attackers exploit known gaps.',
      example:
        'In the morning the computer says "Installing updates, do not switch off": IT is closing a security gap.',
    },
  },
  {
    de: {
      term: 'Cloud',
      explanation:
        'Speicherplatz und Programme, die nicht auf dem eigenen Rechner liegen, sondern in einem Rechenzentrum, und die man über das Netz nutzt. So kommt man von jedem Gerät aus daran, mit dem man sich anmelden darf.',
      example:
        'Ein Vermerk, der in der Cloud der Behörde liegt, lässt sich im Büro anfangen und im Homeoffice weiterschreiben, ohne ihn sich selbst zu mailen.',
    },
    en: {
      term: 'Cloud',
      explanation:
        'Storage and programs that are not on your own computer but in a data centre, used over the network. That way you can reach them from any device you are allowed to sign in on.',
      example:
        'A memo kept in the agency’s cloud can be started at the office and finished at home, without emailing it to yourself.',
    },
  },
  {
    de: {
      term: 'Backup',
      explanation:
        'Eine Sicherungskopie von Daten an einem zweiten Ort. Geht ein Gerät kaputt oder wird etwas versehentlich gelöscht, lassen sich die Daten daraus zurückholen.',
      example:
        'Was auf dem Netzlaufwerk liegt, sichert die IT jede Nacht; was nur auf dem Desktop des Laptops liegt, oft nicht.',
    },
    en: {
      term: 'Backup',
      explanation:
        'A safety copy of data in a second place. If a device breaks or something is deleted by mistake, the data can be restored from it.',
      example:
        'IT backs up the network drive every night; what sits only on the laptop’s desktop is often not backed up.',
    },
  },
  {
    de: {
      term: 'Intranet',
      explanation:
        'Die internen Webseiten einer Organisation, die nur ihre Beschäftigten sehen – wie ein Internet nur für das eigene Haus.',
      example:
        'Im Intranet stehen der Speiseplan der Kantine, die Hausmitteilungen und das Formular für den Urlaubsantrag.',
    },
    en: {
      term: 'Intranet',
      explanation:
        'An organisation’s internal web pages that only its staff can see – like an internet just for your own house.',
      example:
        'The canteen menu, in-house announcements and the leave request form are all on the intranet.',
    },
  },
  {
    de: {
      term: 'Wiki',
      explanation:
        'Eine Sammlung von Webseiten, die viele gemeinsam schreiben und jederzeit verbessern können; jede Änderung wird gespeichert und lässt sich zurücknehmen. Das bekannteste Wiki ist Wikipedia.',
      example:
        'Im Wiki des Referats steht, wie man eine Dienstreise beantragt; wer eine Lücke findet, ergänzt sie gleich selbst.',
    },
    en: {
      term: 'Wiki',
      explanation:
        'A collection of web pages that many people write together and can improve at any time; every change is kept and can be undone. The best-known wiki is Wikipedia.',
      example:
        'The division’s wiki explains how to apply for a business trip; whoever finds a gap fills it in right away.',
    },
  },
  {
    de: {
      term: 'Kollaborationstool',
      explanation:
        'Ein Programm, in dem ein Team gemeinsam arbeitet: Dokumente gleichzeitig bearbeiten, Aufgaben verteilen, sich austauschen – an einem Ort statt in vielen E-Mails.',
      example:
        'Die Arbeitsgruppe schreibt ihr Positionspapier gemeinsam in einem Kollaborationstool, statt Fassungen mit „_final_v3“ im Namen hin- und herzumailen.',
    },
    en: {
      term: 'Collaboration tool',
      explanation:
        'A program in which a team works together: editing documents at the same time, sharing out tasks, talking things over – in one place instead of many emails.',
      example:
        'The working group writes its position paper together in a collaboration tool instead of emailing versions named "_final_v3" back and forth.',
    },
  },
  {
    de: {
      term: 'Messenger',
      explanation:
        'Ein Programm für kurze Nachrichten, die sofort ankommen, an einzelne Personen oder an Gruppen, etwa Signal, Threema oder WhatsApp. Für Dienstliches gibt es eigene, geschützte Messenger.',
      example:
        'Über den dienstlichen Messenger fragt die Referatsleiterin kurz in die Runde, wer morgen die Vertretung übernimmt.',
    },
    en: {
      term: 'Messenger',
      explanation:
        'A program for short messages that arrive at once, to single people or to groups, such as Signal, Threema or WhatsApp. For work there are separate, protected messengers.',
      example:
        'On the work messenger, the head of division quickly asks the team who is covering for her tomorrow.',
    },
  },
  {
    de: {
      term: 'Emoji',
      explanation:
        'Kleine Bildzeichen wie 🙂 oder 👍, die man in Nachrichten setzt, um eine Stimmung oder Zustimmung zu zeigen. Ein Daumen hoch heißt meist einfach: gelesen, einverstanden.',
      example:
        'Auf die Nachricht „Die Vorlage liegt im Postfach“ antwortet der Kollege mit 👍 – er hat sie gesehen.',
    },
    en: {
      term: 'Emoji',
      explanation:
        'Small picture symbols such as 🙂 or 👍 that you put into messages to show a mood or agreement. A thumbs-up usually just means: read, agreed.',
      example: 'A colleague answers "The draft is in your inbox" with 👍 – he has seen it.',
    },
  },
  {
    de: {
      term: 'Videokonferenz',
      explanation:
        'Eine Besprechung über den Bildschirm: Alle sehen und hören einander über Kamera und Mikrofon, wo auch immer sie sitzen. Man tritt über einen Link oder eine Einwahlnummer bei.',
      example:
        'Die Abstimmung mit der Außenstelle in Bonn läuft als Videokonferenz, statt dass alle für eine Stunde Besprechung anreisen.',
    },
    en: {
      term: 'Video conference',
      explanation:
        'A meeting on screen: everyone sees and hears each other through camera and microphone, wherever they sit. You join through a link or a dial-in number.',
      example:
        'The meeting with the branch office in Bonn is held as a video conference, instead of everyone travelling for an hour’s talk.',
    },
  },
  {
    de: {
      term: 'Screen-Sharing',
      explanation:
        'In einer Videokonferenz den anderen zeigen, was gerade auf dem eigenen Bildschirm zu sehen ist: ein Dokument, eine Präsentation oder ein ganzes Programm.',
      example:
        'Über Screen-Sharing geht die Referentin mit ihrem Chef den Entwurf Satz für Satz durch; vorher schließt sie das Postfach, damit keine private Mail aufblinkt.',
    },
    en: {
      term: 'Screen sharing',
      explanation:
        'Showing the others in a video conference what is on your own screen right now: a document, a presentation or a whole program.',
      example:
        'By sharing her screen, the desk officer goes through the draft with her boss sentence by sentence; she closes her inbox first so no private mail pops up.',
    },
  },
  {
    de: {
      term: 'Hybrid-Meeting',
      explanation:
        'Eine Besprechung, bei der einige im selben Raum sitzen und andere per Video zugeschaltet sind. Damit alle gleich gut mitkommen, braucht es gute Technik und eine Leitung, die an beide Gruppen denkt.',
      example:
        'Die Referatsrunde findet hybrid statt: fünf im Besprechungsraum, drei aus dem Homeoffice, und die Leitung fragt die Zugeschalteten zuerst.',
    },
    en: {
      term: 'Hybrid meeting',
      explanation:
        'A meeting where some sit in the same room and others join by video. For everyone to follow equally well, it takes good equipment and a chair who thinks of both groups.',
      example:
        'The division meeting is hybrid: five in the meeting room, three working from home, and the chair asks those on video first.',
    },
  },
  {
    de: {
      term: 'Webinar',
      explanation:
        'Ein Vortrag oder eine Schulung im Internet: Man sieht und hört am Bildschirm zu und stellt Fragen meist schriftlich im Chat. Das Wort verbindet „Web“ und „Seminar“.',
      example:
        'Die Einführung in die neue Zeiterfassung gibt es als einstündiges Webinar, das sich vom Arbeitsplatz aus besuchen lässt.',
    },
    en: {
      term: 'Webinar',
      explanation:
        'A talk or training on the internet: you watch and listen on screen and usually ask questions in writing, in the chat. The word joins "web" and "seminar".',
      example:
        'The introduction to the new time recording system is a one-hour webinar you can attend from your desk.',
    },
  },
  {
    de: {
      term: 'Mobiles Arbeiten (Homeoffice)',
      explanation:
        'Arbeiten außerhalb der Dienststelle, etwa zu Hause oder unterwegs, mit Dienstlaptop und geschützter Verbindung. Was erlaubt ist, regelt meist eine Dienstvereinbarung.',
      example:
        'An zwei Tagen die Woche arbeitet der Sachgebietsleiter zu Hause, nimmt an Besprechungen per Video teil und erreicht die Akten über das VPN.',
    },
    en: {
      term: 'Mobile working (working from home)',
      explanation:
        'Working away from the office, at home or on the road, with a work laptop and a protected connection. What is allowed is usually set out in an agreement with the staff council.',
      example:
        'Two days a week the team leader works from home, joins meetings by video and reaches the files through the VPN.',
    },
  },
  {
    de: {
      term: 'Passwort-Manager',
      explanation:
        'Ein Programm, das alle Passwörter verschlüsselt, also für andere unlesbar, aufbewahrt und bei Bedarf einträgt. Man merkt sich nur noch ein gutes Hauptpasswort und kann überall ein eigenes, starkes Passwort nehmen.',
      example:
        'Statt die Zugänge zu fünf Fachverfahren auf einem Zettel unter der Tastatur zu notieren, liegen sie im Passwort-Manager, den die IT bereitstellt.',
    },
    en: {
      term: 'Password manager',
      explanation:
        'A program that keeps all your passwords encrypted, that is unreadable to others, and fills them in when needed. You remember one good master password and can use a separate, strong password everywhere.',
      example:
        'Instead of noting the log-ins for five specialist applications on a slip of paper under the keyboard, they are kept in the password manager IT provides.',
    },
  },
  {
    de: {
      term: 'Zwei-Faktor-Authentisierung',
      explanation:
        'Die Anmeldung mit zwei verschiedenen Nachweisen: etwas, das man weiß (das Passwort), und etwas, das man hat (Diensthandy, Chipkarte) oder ist (Fingerabdruck). Ein gestohlenes Passwort allein reicht dann nicht.',
      example:
        'Nach dem Passwort wird die Anmeldung am Dienstlaptop mit der Chipkarte oder einem Code aus einer App auf dem Diensthandy bestätigt.',
    },
    en: {
      term: 'Two-factor authentication',
      explanation:
        'Signing in with two different proofs: something you know (the password) and something you have (work phone, smart card) or are (fingerprint). A stolen password alone is then not enough.',
      example:
        'After the password, signing in to the work laptop is confirmed with the smart card or a code from an app on the work phone.',
    },
  },
  {
    de: {
      term: 'Phishing',
      explanation:
        'Betrügerische E-Mails oder Nachrichten, die echt aussehen sollen, um an Passwörter oder Daten zu kommen oder Schadprogramme einzuschleusen. Der Name spielt auf das englische „fishing“ an, angeln.',
      example:
        'Eine Mail „von der IT“ verlangt, das Passwort über einen Link zu bestätigen. Richtig ist: nicht klicken, sondern die Mail der IT-Sicherheit melden.',
    },
    en: {
      term: 'Phishing',
      explanation:
        'Fraudulent emails or messages made to look genuine, in order to get hold of passwords or data or to smuggle in harmful programs. The name plays on "fishing".',
      example:
        'An email "from IT" asks you to confirm your password through a link. The right move: do not click, report the email to IT security.',
    },
  },
  {
    de: {
      term: 'VPN',
      explanation:
        'Ein geschützter Tunnel durch das Internet: Der Laptop zu Hause verbindet sich verschlüsselt mit dem Netz der Behörde, als stünde er im Büro. VPN steht für „Virtual Private Network“.',
      example:
        'Im Homeoffice wird zuerst das VPN gestartet; danach sind die E-Akte und die Netzlaufwerke erreichbar wie am Schreibtisch.',
    },
    en: {
      term: 'VPN',
      explanation:
        'A protected tunnel through the internet: the laptop at home connects, encrypted, to the agency’s network as if it stood in the office. VPN stands for "virtual private network".',
      example:
        'Working from home, you start the VPN first; after that the e-file and the network drives are there as at your desk.',
    },
  },
  {
    de: {
      term: 'Cookie',
      explanation:
        'Eine kleine Datei, die eine Website im Browser ablegt, um ihn wiederzuerkennen, etwa damit man angemeldet bleibt. Manche Cookies verfolgen auch, was man auf vielen Seiten tut; deshalb fragen Websites um Erlaubnis.',
      example:
        'Beim Banner „Wir verwenden Cookies“ genügt es meist, nur die notwendigen Cookies zuzulassen – die Seite funktioniert trotzdem.',
    },
    en: {
      term: 'Cookie',
      explanation:
        'A small file a website stores in your browser to recognise it again, for instance so you stay signed in. Some cookies also track what you do across many sites, which is why websites ask for permission.',
      example:
        'When a banner says "We use cookies", allowing only the necessary ones is usually enough – the page still works.',
    },
  },
  {
    de: {
      term: 'Datenschutz (DSGVO)',
      explanation:
        'Regeln dafür, wer Angaben über Menschen sammeln, speichern und weitergeben darf und wozu. In der ganzen EU gilt dafür seit 2018 die Datenschutz-Grundverordnung, kurz DSGVO.',
      example:
        'Bevor eine Liste mit Namen und Telefonnummern an eine andere Behörde geht, wird geklärt, ob das erlaubt ist – im Zweifel mit der oder dem Datenschutzbeauftragten.',
    },
    en: {
      term: 'Data protection (GDPR)',
      explanation:
        'Rules on who may collect, store and pass on information about people, and for what. Since 2018 the General Data Protection Regulation, GDPR for short, has set them across the EU.',
      example:
        'Before a list of names and phone numbers goes to another agency, someone checks whether that is allowed – if in doubt, with the data protection officer.',
    },
  },
  {
    de: {
      term: 'Barrierefreiheit',
      explanation:
        'Digitale Angebote so gestalten, dass alle sie nutzen können, auch wer schlecht sieht, hört oder die Maus nicht bedienen kann. Für Behörden ist das Pflicht.',
      example:
        'Ein eingescanntes PDF kann die Vorlese-Software einer blinden Kollegin nicht lesen; ein Dokument mit echtem Text und richtigen Überschriften schon.',
    },
    en: {
      term: 'Accessibility',
      explanation:
        'Designing digital services so that everyone can use them, including people who see or hear poorly or cannot use a mouse. For public agencies it is an obligation.',
      example:
        'The read-aloud software of a blind colleague cannot read a scanned PDF, but it can read a document with real text and proper headings.',
    },
  },
  {
    de: {
      term: 'E-Akte',
      explanation:
        'Die Akte in digitaler Form: Schriftstücke werden eingescannt oder gleich elektronisch angelegt und in einem System abgelegt, in dem alle Berechtigten sie finden, bearbeiten und mitzeichnen.',
      example:
        'Statt die Papierakte in der Umlaufmappe von Zimmer zu Zimmer zu schicken, geht der Vorgang in der E-Akte elektronisch zur Mitzeichnung.',
    },
    en: {
      term: 'E-file',
      explanation:
        'The file in digital form: documents are scanned or created electronically and kept in a system where everyone entitled can find, edit and co-sign them.',
      example:
        'Instead of sending the paper file from office to office in a circulation folder, the case goes round for co-signing in the e-file system.',
    },
  },
  {
    de: {
      term: 'Digitale Signatur',
      explanation:
        'Eine elektronische Unterschrift, die zeigt, wer ein Dokument unterzeichnet hat und dass es danach nicht verändert wurde. Die qualifizierte elektronische Signatur ersetzt in vielen Fällen die eigenhändige Unterschrift.',
      example:
        'Den Vertrag mit dem Dienstleister unterschreibt die Abteilungsleiterin mit ihrer Signaturkarte, statt ihn auszudrucken, zu unterschreiben und wieder einzuscannen.',
    },
    en: {
      term: 'Digital signature',
      explanation:
        'An electronic signature that shows who signed a document and that it has not been changed since. The qualified electronic signature replaces a handwritten one in many cases.',
      example:
        'The head of department signs the contract with the service provider using her signature card, instead of printing, signing and scanning it again.',
    },
  },
  {
    de: {
      term: 'Onlinezugangsgesetz (OZG)',
      explanation:
        'Das Gesetz verpflichtet Bund, Länder und Kommunen, ihre Verwaltungsleistungen auch online anzubieten, damit Bürgerinnen, Bürger und Unternehmen Anträge nicht mehr nur auf Papier oder am Schalter stellen.',
      example:
        'Den Bewohnerparkausweis beantragen Bürgerinnen und Bürger über das Serviceportal; im Amt kommt der Antrag digital an, ohne abgetippt zu werden.',
    },
    en: {
      term: 'Online Access Act (OZG)',
      explanation:
        'The German law that obliges federal, state and local government to offer their services online too, so that citizens and businesses no longer have to apply only on paper or at the counter.',
      example:
        'Residents apply for their parking permit on the service portal; the application reaches the office in digital form, without anyone typing it up again.',
    },
  },
  {
    de: {
      term: 'Open Data',
      explanation:
        'Daten der Verwaltung, die alle frei und kostenlos nutzen dürfen, etwa Haushaltszahlen, Fahrpläne oder Messwerte. Angaben über einzelne Menschen gehören nie dazu.',
      example:
        'Die Stadt veröffentlicht die Standorte ihrer Ladesäulen als Open Data; ein Start-up zeigt sie daraufhin in seiner Karten-App.',
    },
    en: {
      term: 'Open data',
      explanation:
        'Government data that anyone may use freely and at no cost, such as budget figures, timetables or measurements. Information about individual people is never part of it.',
      example:
        'The city publishes the locations of its charging points as open data; a start-up then shows them in its map app.',
    },
  },
  {
    de: {
      term: 'QR-Code',
      explanation:
        'Ein quadratisches Muster aus schwarzen und weißen Punkten, in dem meist eine Internetadresse steckt. Hält man die Handykamera darauf, öffnet sich die Seite, ohne dass man etwas abtippt.',
      example: 'Auf dem Aushang zum Gesundheitstag führt ein QR-Code direkt zur Anmeldung.',
    },
    en: {
      term: 'QR code',
      explanation:
        'A square pattern of black and white dots that usually holds a web address. Point the phone camera at it and the page opens without typing anything.',
      example: 'On the poster for the staff health day, a QR code leads straight to the sign-up.',
    },
  },
  {
    de: {
      term: 'Social Media',
      explanation:
        'Internetplattformen, auf denen Menschen Beiträge, Fotos und Videos teilen und kommentieren, etwa Instagram, LinkedIn, Mastodon oder YouTube. Auch viele Behörden informieren dort.',
      example:
        'Das Ministerium kündigt das neue Förderprogramm auf Social Media an und beantwortet Fragen in den Kommentaren.',
    },
    en: {
      term: 'Social media',
      explanation:
        'Internet platforms where people share and comment on posts, photos and videos, such as Instagram, LinkedIn, Mastodon or YouTube. Many agencies inform the public there too.',
      example:
        'The ministry announces the new funding programme on social media and answers questions in the comments.',
    },
  },
  {
    de: {
      term: 'Hashtag',
      explanation:
        'Ein Stichwort mit vorangestelltem Rautezeichen (#), etwa #Verwaltungsdigitalisierung. Auf Social Media macht es Beiträge zu einem Thema auffindbar: Ein Klick darauf zeigt alle Beiträge damit.',
      example:
        'Die Pressestelle versieht ihre Beiträge zum Tag der offenen Tür mit #TagDerOffenenTür, damit Interessierte alle auf einen Blick finden.',
    },
    en: {
      term: 'Hashtag',
      explanation:
        'A keyword with the hash sign (#) in front, such as #DigitalGovernment. On social media it makes posts on a topic easy to find: clicking it shows every post that carries it.',
      example:
        'The press office tags its posts about the open day with #OpenDay, so that anyone interested finds them all at a glance.',
    },
  },
  {
    de: {
      term: 'Filterblase',
      explanation:
        'Wer im Netz vor allem sieht, was ein Algorithmus für passend hält, bekommt immer mehr vom Gleichen zu sehen und andere Meinungen seltener – wie in einer Blase.',
      example:
        'Die Kommentare unter einem Beitrag der Behörde wirken einhellig empört; das kann an Filterblasen liegen und muss nicht die Stimmung aller zeigen.',
    },
    en: {
      term: 'Filter bubble',
      explanation:
        'If what you see online is mostly what an algorithm thinks suits you, you get more and more of the same and other opinions less often – as if inside a bubble.',
      example:
        'The comments under one of the agency’s posts seem unanimously outraged; that may come from filter bubbles and need not show what everyone thinks.',
    },
  },
  {
    de: {
      term: 'Newsletter',
      explanation:
        'Ein Rundschreiben per E-Mail, das regelmäßig an alle geht, die es bestellt haben. Abbestellen geht jederzeit, meist über einen Link ganz unten.',
      example:
        'Der Newsletter der Personalentwicklung kündigt jeden Monat die neuen Fortbildungen an.',
    },
    en: {
      term: 'Newsletter',
      explanation:
        'A circular sent by email at regular intervals to everyone who has signed up. You can unsubscribe at any time, usually through a link at the very bottom.',
      example: 'Each month the staff development newsletter announces the new training courses.',
    },
  },
  {
    de: {
      term: 'Podcast',
      explanation:
        'Eine Sendung zum Hören, meist als Reihe, die man im Internet abruft, wann man will – wie eine Radiosendung zum Mitnehmen.',
      example:
        'Auf der Zugfahrt zur Dienstbesprechung läuft die neue Folge eines Podcasts über moderne Verwaltung.',
    },
    en: {
      term: 'Podcast',
      explanation:
        'A programme to listen to, usually a series, that you play from the internet whenever you like – like a radio show to take along.',
      example:
        'On the train to the meeting at headquarters, the new episode of a podcast about modern public administration is playing.',
    },
  },
  {
    de: {
      term: 'Streaming',
      explanation:
        'Video oder Ton über das Internet abspielen, während es übertragen wird, statt es erst ganz herunterzuladen. Auch Live-Übertragungen heißen so.',
      example:
        'Die Personalversammlung wird in die Außenstellen gestreamt; wer nicht vor Ort ist, sieht am Bildschirm zu.',
    },
    en: {
      term: 'Streaming',
      explanation:
        'Playing video or sound over the internet while it is being sent, instead of downloading it in full first. Live broadcasts are called that too.',
      example:
        'The staff assembly is streamed to the branch offices; those who are not there in person watch on screen.',
    },
  },
  {
    de: {
      term: 'Algorithmus',
      explanation:
        'Eine genaue Schritt-für-Schritt-Anleitung, nach der ein Computer eine Aufgabe löst – wie ein Kochrezept. Algorithmen bestimmen etwa, in welcher Reihenfolge Suchergebnisse erscheinen.',
      example:
        'Die Regel im Geschäftsverteilungsplan „Sachgebiet 1 bearbeitet die Nachnamen A bis K“ ist im Grunde ein Algorithmus: Sie ordnet jeden Fall fest einer Stelle zu.',
    },
    en: {
      term: 'Algorithm',
      explanation:
        'An exact step-by-step set of instructions a computer follows to solve a task – like a recipe. Algorithms decide, for example, in which order search results appear.',
      example:
        'The rule in the allocation plan "surnames A to K go to team 1" is really an algorithm: it assigns every case to one desk by a fixed rule.',
    },
  },
  {
    de: {
      term: 'Künstliche Intelligenz (KI)',
      explanation:
        'Computerprogramme, die aus sehr vielen Beispielen gelernt haben und so Aufgaben übernehmen, für die es bisher Menschen brauchte: Texte schreiben und zusammenfassen, übersetzen, Bilder erkennen. Sie können sich irren, deshalb prüft ein Mensch das Ergebnis.',
      example:
        'Ein KI-Assistent fasst einen 40-seitigen Prüfbericht auf einer Seite zusammen; vor dem Weitergeben gleicht der Referent die Zusammenfassung mit dem Bericht ab.',
    },
    en: {
      term: 'Artificial intelligence (AI)',
      explanation:
        'Computer programs that have learnt from a great many examples and so take on tasks that used to need people: writing and summarising texts, translating, recognising images. They can be wrong, so a person checks the result.',
      example:
        'An AI assistant sums up a 40-page audit report on one page; before passing it on, the desk officer checks the summary against the report.',
    },
  },
  {
    de: {
      term: 'Chatbot',
      explanation:
        'Ein Programm, mit dem man sich schriftlich unterhält wie in einem Chat: Man stellt eine Frage in eigenen Worten und bekommt eine Antwort. Viele Chatbots nutzen heute KI.',
      example:
        'Auf der Website des Bürgeramts beantwortet ein Chatbot rund um die Uhr Fragen dazu, welche Unterlagen man für einen neuen Personalausweis braucht.',
    },
    en: {
      term: 'Chatbot',
      explanation:
        'A program you talk to in writing, as in a chat: you ask a question in your own words and get an answer. Many chatbots today use AI.',
      example:
        'On the citizens’ office website, a chatbot answers questions round the clock about which documents you need for a new ID card.',
    },
  },
];
