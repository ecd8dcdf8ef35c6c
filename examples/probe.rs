use oxigraph::model::*;
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map(|a| a.parse().unwrap()).unwrap_or(5000);
    let q =
        std::env::args().nth(2).unwrap_or("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }".into());
    let store = Store::new()?;
    let g = NamedNode::new("http://g/1")?;
    for i in 0..n {
        store.insert(&Quad::new(
            NamedNode::new(format!("http://s/{i}"))?,
            NamedNode::new("http://p")?,
            Literal::from(i as i64),
            GraphName::NamedNode(g.clone()),
        ))?;
    }
    let token = CancellationToken::new();
    let t = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        t.cancel();
    });
    let mut prepared = SparqlEvaluator::new().with_cancellation_token(token).parse_query(&q)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let start = Instant::now();
    let (res, expl) = prepared.on_store(&store).explain();
    println!("{expl:?}");
    if let Ok(QueryResults::Solutions(s)) = res {
        for r in s {
            println!("{:?} after {:?}", r.map(|r| r.get("n").cloned()), start.elapsed());
        }
    } else {
        println!("other {:?}", start.elapsed());
    }
    Ok(())
}
