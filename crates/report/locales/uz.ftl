# Qogʻoz anketaning oʻz soʻzlari, oʻzbekcha (lotin yozuvi). Hisobot rus va ingliz
# tillarida qoladi.
# The paper questionnaire's own words in Uzbek (Latin script); the report stays in
# Russian and English.

paper-document = anketa
paper-form-no = Anketa №
paper-period = Hisobot davri
paper-anonymity-title = Soʻrovnoma anonim.
paper-anonymity-name = Anketaga ismingiz, telefon raqamingiz, manzilingiz va sizni aniqlash mumkin boʻlgan boshqa maʼlumotlarni yozmang.
paper-anonymity-threshold = Javoblari { $k ->
    [one] { $k } tadan
   *[other] { $k } tadan
} kam boʻlgan guruh natijalari hech kimga koʻrsatilmaydi.
paper-how = Javobingizni katakchada ✓ yoki ✗ belgisi bilan belgilang. Javobni oʻzgartirish uchun katakchani toʻliq boʻyab, boshqasini belgilang.
paper-required-legend = — majburiy savol
paper-do-one = Bitta variantni belgilang.
paper-do-many = Barcha mos variantlarni belgilang.
paper-do-score = Bitta bahoni belgilang.
paper-do-number = Sonni yozing.
paper-do-integer = Butun sonni yozing.
paper-do-text = Javobingizni yozing.
paper-yes = Ha
paper-no = Yoʻq
paper-scale-min = eng yomon baho
paper-scale-max = eng yaxshi baho
paper-nps-min = aniq yoʻq
paper-nps-max = albatta ha
# Savolning koʻrsatilish sharti: savol raqami, javoblar, qaysi savollarga javob berish.
paper-if-choice = Agar { $q }-savolda { $values } variantini tanlagan boʻlsangiz, { $range }-{ $several ->
        [yes] savollarga
       *[no] savolga
    } javob bering.
paper-if-multi = Agar { $q }-savolda { $values } variantini belgilagan boʻlsangiz, { $range }-{ $several ->
        [yes] savollarga
       *[no] savolga
    } javob bering.
paper-if-yesno = Agar { $q }-savolga { $values } deb javob bergan boʻlsangiz, { $range }-{ $several ->
        [yes] savollarga
       *[no] savolga
    } javob bering.
paper-if-score = Agar { $q }-savolda { $values } baho qoʻygan boʻlsangiz, { $range }-{ $several ->
        [yes] savollarga
       *[no] savolga
    } javob bering.
paper-otherwise = Aks holda { $next }-savolga oʻting.
paper-otherwise-end = Aks holda anketani toʻldirib boʻldingiz.
paper-quoted = «{ $text }»
paper-or = yoki
paper-values-range = { $from } dan { $to } gacha
paper-thanks = Ishtirokingiz uchun rahmat! Toʻldirilgan anketani soʻrovnoma tashkilotchisiga topshiring.
