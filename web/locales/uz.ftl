# Oʻzbekcha (lotin yozuvi): respondent koʻradigan ekranlar. Bu yerda yoʻq xabarlar
# rus tilida koʻrsatiladi.
# Uzbek (Latin script): the screens respondents see. A message missing here is shown
# in Russian.

lang-choose = Til
app-name = Otklik
app-tagline = Mijozlar qoniqishi boʻyicha anonim soʻrovnomalar
large-text = Yirik shrift
large-text-off = Oddiy shrift
organiser = Tashkilotchi uchun
skip-to-content = Asosiy qismga oʻtish
storage-unavailable = Bu brauzer maʼlumotlarni qurilmada saqlashga ruxsat bermaydi ({ $detail }). Sahifa yopilgach, javoblar va fayllar saqlanib qolmaydi: ilovani brauzerning oddiy oynasida yoki veb-serverdan oching.
stored-on-device = Javob ushbu qurilmada saqlandi.
thanks-again = Qaytadan boshlash
thanks-download = Javobingiz faylini yuklab olish
thanks-download-hint = Bu faylni soʻrovnoma tashkilotchisiga topshiring.
thanks-home = Bosh sahifaga
thanks-next = Keyingi respondent { $n ->
    [one] { $n } soniyadan
   *[other] { $n } soniyadan
} keyin
thanks-receipt = Tasdiqlash kodi: { $code }
thanks-receipt-hint = Kod javoblaringiz bilan bogʻlanmagan, u faqat javob qabul qilinganini tasdiqlaydi.
thanks-title = Rahmat! Javoblaringiz qabul qilindi
abort = Soʻrovnomani toʻxtatish
abort-detail = Kiritilgan javoblar oʻchiriladi, javob saqlanmaydi. Siz boshlangʻich sahifaga qaytasiz.
abort-detail-kiosk = Kiritilgan javoblar oʻchiriladi, javob saqlanmaydi. Kiosk keyingi respondent uchun soʻrovnoma boshiga qaytadi.
abort-no = Soʻrovnomani davom ettirish
abort-question = Soʻrovnoma toʻxtatilsinmi?
abort-yes = Ha, toʻxtatish
anonymity-local = Javoblar tarmoq orqali yuborilmaydi: tashkilotchi ularni fayl sifatida yuklab olmaguncha shu qurilmada qoladi.
anonymity-not-stored = Saqlanmaydi: ismingiz, javob bergan vaqtingiz, manzilingiz (shu jumladan IP-manzilingiz), qurilmangiz haqidagi maʼlumotlar.
anonymity-stored = Faqat javoblaringiz va hisobot davri ({ $period }) saqlanadi.
anonymity-threshold = Javoblari { $k ->
    [one] { $k } tadan
   *[other] { $k } tadan
} kam boʻlgan guruh natijalari hech kimga koʻrsatilmaydi.
anonymity-title = Soʻrovnoma anonim
back = Orqaga
error-required = Iltimos, bu savolga javob bering.
errors-title = Javoblaringizni tekshiring
next = Keyingi
progress = { $step }-qadam, jami { $total } ta
remaining = { $n ->
    [0] Bu oxirgi qadam
    [one] { $n } ta savol qoldi
   *[other] { $n } ta savol qoldi
}
required-legend = * bilan belgilangan savollar majburiy.
save-failed = Javobingizni ushbu qurilmada saqlab boʻlmadi. Sahifani yopmang va tashkilotchiga xabar bering.
saved = Javoblar saqlandi
saving = Saqlanmoqda…
start = Soʻrovnomani boshlash
submit = Javoblarni yuborish
landing-full = Tashkilotchi ilovasini ochish
landing-text = Soʻrovnomaga javob berish uchun tashkilotchi yuborgan havolani oching. Javoblar faqat shu qurilmada saqlanadi.
landing-title = Havola orqali soʻrovnoma
no = Yoʻq
nps-scale = 0 — aniq yoʻq, 10 — albatta ha
number-range = { $min } dan { $max } gacha boʻlgan son
required-mark = majburiy savol
text-counter = { $used } / { $max } { $max ->
    [one] belgi
   *[other] belgi
}
yes = Ha
embed-damaged = Soʻrovnoma havolasi shikastlangan (ehtimol, nusxa olishda kesilib qolgan). Yangi havola soʻrang. ({ $detail })
embed-invalid = Havola yoki fayldagi soʻrovnomada xatolar bor, uni ochib boʻlmaydi. ({ $detail })
embed-period = Soʻrovnoma havolasidagi «{ $detail }» davri notoʻgʻri.
