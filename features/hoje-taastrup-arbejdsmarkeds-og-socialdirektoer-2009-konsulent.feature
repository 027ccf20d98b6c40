# language: da
Egenskab: Arbejdsmarkeds- og socialdirektør, Høje-Taastrup – i konsulentens ord
  Personprofilen har to krav – generalistbaggrund fra en politisk ledet virksomhed og
  ledelse af ledere – og resten er ønsker, som belyses gennem ansøgning, 1. samtale,
  dialogtest, cirka fire referencer og 2. samtale.

  Baggrund:
    Givet stillingen som arbejdsmarkeds- og socialdirektør i Høje-Taastrup Kommune

  Scenarie: En socialchef med ledere under sig opfylder begge krav
    Givet en ansøger, der i seks år har været socialchef i Greve Kommune med ni ledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til kravet om en generalistbaggrund fra en politisk ledet virksomhed
    Og ansøgeren lever op til kravet om ledelse af ledere
    Og ansøgeren lever op til ønsket om ledelseserfaring fra socialområdet
    Og alle krav er opfyldt

  Scenarie: Ledelse kun i det private skal udvalget tage stilling til
    Givet en ansøger, der i fem år har været direktør i Dansk Service A/S med otte ledere under sig
    Og ansøgeren har aldrig arbejdet i det offentlige
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren ikke op til kravet om generalistbaggrund
    Og udvalget skal tage stilling til generalistbaggrunden
    Men ansøgeren lever op til kravet om ledelse af ledere

  Scenarie: En kontorchef i et ministerium uden ledere under sig
    Givet en ansøger, der i seks år har været kontorchef i Beskæftigelsesministeriet uden ledere under sig
    Når ansøgeren screenes på ansøgningstidspunktet
    Så lever ansøgeren op til kravet om en generalistbaggrund fra en politisk ledet virksomhed
    Men ansøgeren lever ikke op til kravet om ledelse af ledere
    Og ansøgeren foreslås frasorteret på kravet om ledelse af ledere

  Scenarie: En ansøgning uden stillinger belyser ingen af kravene
    Givet en ansøger
    Når ansøgeren screenes på ansøgningstidspunktet
    Så er kravene ikke belyst
    Og ansøgeren foreslås ikke frasorteret
    Og ansøgeren er utilstrækkeligt belyst

  Scenarie: Ledelse på arbejdsmarkedsområdet er et plus, ikke en betingelse
    Givet ansøgeren Lone, der i otte år har været jobcenterchef i Roskilde Kommune med fire ledere under sig
    Givet ansøgeren Per, der i syv år har været teknisk chef i Roskilde Kommune med fem ledere under sig
    Når ansøgerne screenes på ansøgningstidspunktet
    Så lever Lone op til ønsket om ledelseserfaring fra arbejdsmarkedsområdet
    Og Per lever ikke op til ønsket om ledelseserfaring fra arbejdsmarkedsområdet
    Og ingen af ansøgerne foreslås frasorteret

  Scenarie: En leder på niveauet under chefniveau har også en generalistbaggrund
    Givet en ansøger, der i ti år har været afdelingsleder i Københavns Kommune med tre teamledere under sig
    Når ansøgeren screenes
    Så lever ansøgeren op til kravet om generalistbaggrund

  Scenarie: Referencerne om ledelse af ledere tæller, når referencerne er taget
    Givet en ansøger
    Og referencerne giver 4 i ledelse af ledere
    Når ansøgeren screenes til første samtale
    Så er ønsket om gode resultater med ledelse og udvikling af ledere ikke belyst
    Men efter referencerne lever ansøgeren op til ønsket om gode resultater med ledelse og udvikling af ledere

  Scenarie: Dialogtesten viser for lidt rettidig omhu, men det er et ønske
    Givet en ansøger
    Og dialogtesten viser 2 i rettidig omhu
    Når ansøgeren screenes efter dialogtesten
    Så lever ansøgeren ikke op til ønsket om rettidig omhu
    Og ansøgeren foreslås ikke frasorteret

  Scenarie: Værdierne fra ledelsesgrundlaget vurderes også
    Givet en ansøger
    Og til anden samtale vurderes ansøgeren til 5 i værdien Helhed
    Og referencen giver 3 i værdien Professionalisme
    Når ansøgeren screenes efter anden samtale
    Så lever ansøgeren op til ønsket om værdien Helhed
    Og ansøgeren lever kun delvist op til ønsket om værdien Professionalisme
    Og ønsket om værdien Engagement er ikke belyst

  Abstrakt Scenario: En vurdering fra <kilde> tæller <stadie>
    Givet en ansøger
    Og <kilde> giver 5 i holdspiller
    Når ansøgeren screenes <stadie>
    Så er ønsket om en god holdspiller <udfald>

    Eksempler:
      | kilde          | stadie                   | udfald      |
      | første samtale | til første samtale       | opfyldt     |
      | referencen     | til første samtale       | ikke belyst |
      | referencen     | efter referencerne       | opfyldt     |
      | anden samtale  | efter dialogtesten       | ikke belyst |

  Scenarie: Eksemplernes ansøgere efter hele forløbet
    Givet alle ansøgerne fra eksemplerne
    Når ansøgerne screenes efter anden samtale
    Så foreslås 2 af 8 ansøgere frasorteret
    Og de to bedste er Hanne Skov og Morten Ravn
